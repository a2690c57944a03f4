// Growth sites in C++, with the counts growth.test expects on each line:
// [presized|unsized] [predictable] [hot|other].
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace util {
template <typename T> struct SmallVec {
  void push_back(const T &);
  void reserve(unsigned);
};
} // namespace util

void growth(int n, const std::vector<int> &in, std::vector<int> &out) {
  std::vector<int> a;
  a.reserve(n);
  for (int i = 0; i < n; i++)
    a.push_back(i);                    // presized predictable hot
  std::vector<int> b;
  for (int x : in)
    b.emplace_back(x);                 // unsized predictable hot
  std::string s;
  s += "abc";                          // unsized other
  s.append("x");                       // unsized other
  s += 'c';                            // unsized other
  std::string t;
  t.reserve(16);
  t += s;                              // presized other
  std::unordered_map<int, int> m;
  for (int i = 0; i < n; i++)
    m.emplace(i, i);                   // unsized predictable hot
  std::deque<int> d;
  d.push_back(1);                      // not a container grow-in-loop knows
  util::SmallVec<int> sv;
  for (int i = 0; i < n; i++)
    sv.push_back(i);                   // listed.yaml: unsized predictable hot
  while (n--)
    out.push_back(n);                  // unsized hot: the trip count is unknown
  for (int i = 0; i < n; i++)
    if (i % 2)
      a.push_back(i);                  // presized hot: conditional, not predictable
  a.insert(a.end(), in.begin(), in.end()); // presized other
  std::string r;
  for (int i = 0; i < n; i++) {
    r.push_back(' ');                  // unsized hot: not predictable, since
    r.append(s);                       // unsized hot: r also grows by s
  }
  std::vector<int> c;
  for (int i = 0; i < n; i++) {
    c.reserve(c.size() + 1);           // a reserve in the loop sizes nothing ahead
    c.push_back(i);                    // unsized predictable hot
  }
}
