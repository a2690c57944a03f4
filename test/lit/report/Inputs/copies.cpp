// Copy sites in C++: copy constructions and copy assignments of classes
// that are not trivially copyable. The expected counts are in copies.test.
#include <string>
#include <utility>
#include <vector>

struct Plain { int a, b; };         // trivially copyable: its copies are not counted
struct Owner { std::string name; }; // its implicit copy constructor is called here
struct Old {                        // a copy constructor and no move constructor
  Old();
  Old(const Old &);
  std::string s;
};

void take(std::string s);
Plain i_am_plain(Plain p);
std::string make();
Old make_old();

// A template is judged in one instantiation, the last: here a Plain's.
template <typename T> void dependent(const T &t) { T u = t; (void)u; }
template <typename T> void as_written(const std::string &s, T) {
  std::string u = s; // one site however often instantiated
}

void copies(const std::string &in, const std::vector<int> &v, Plain p, const Owner &o,
            std::vector<std::string> &names) {
  std::string a = in;           // copy 1
  std::vector<int> w(v);        // copy 2
  take(a);                      // copy 3: by value
  Plain q = p;                  // trivially copyable
  Owner r = o;                  // copy 4
  std::string b = make();       // a temporary: moved or elided
  Old e = make_old();           // the copy of a temporary, elided
  a = in;                       // copy 5: copy assignment
  a = make();                   // move assignment
  std::string m = std::move(a); // a move
  std::vector<std::string> all = names; // copy 6 (the strings are copied in the header)
  auto f = [in] { return in.size(); };  // copy 7: the capture
  for (int i = 0; i < 3; i++)
    take(in);                   // copy 8, hot
  dependent(in);
  dependent(i_am_plain(p));
  as_written(in, 1);
  as_written(in, 2L);
  (void)q; (void)r; (void)b; (void)e; (void)m; (void)w; (void)all; (void)f;
}
