#include <cstdlib>
#include <string>
#include <vector>

void use(void *p);

void fill(int n) {
  std::vector<int> a;
  a.reserve(n);
  for (int i = 0; i < n; i++)
    a.push_back(i);
  std::vector<int> b;
  for (int i = 0; i < n; i++)
    b.emplace_back(i);
  std::string s;
  s.push_back('x');
  int *p = new int(3);
  delete p;
  auto f = [n] {
    for (int i = 0; i < n; i++) {
      char *q = static_cast<char *>(malloc(8));
      use(q);
      free(q);
    }
  };
  f();
}

template <typename T> T *make() { return new T(); }
int *two() { return make<int>() + (make<long>() != nullptr); }
