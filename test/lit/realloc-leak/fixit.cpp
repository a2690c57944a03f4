// C++: `auto *`, the original cast kept, `free` spelled like the realloc.
// RUN: %memrules -std=c++17 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck --strict-whitespace %s
// RUN: cp %s %t.cpp && %clang -std=c++17 -fsyntax-only -fplugin=%plugin -Xclang -fixit %t.cpp 2>/dev/null; FileCheck --strict-whitespace --check-prefix=FIXED --input-file %t.cpp %s
// RUN: %memrules -std=c++17 -Wall -Wextra -Werror %t.cpp

#include <cstdlib>

class Buffer {
public:
  bool grow(std::size_t n) {
    data_ = static_cast<char *>(std::realloc(data_, n));
    // CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:5-[[@LINE-1]]:57}:"{\n      auto *grown = static_cast<char *>(std::realloc(data_, n));\n      if (!grown)\n        std::free(data_);\n      data_ = grown;\n    }"
    // FIXED:{{^}}    {{[{]$}}
    // FIXED-NEXT:{{^}}      auto *grown = static_cast<char *>(std::realloc(data_, n));{{$}}
    // FIXED-NEXT:{{^}}      if (!grown){{$}}
    // FIXED-NEXT:{{^}}        std::free(data_);{{$}}
    // FIXED-NEXT:{{^}}      data_ = grown;{{$}}
    // FIXED-NEXT:{{^}}    }{{$}}
    return data_ != nullptr;
  }
  ~Buffer() { std::free(data_); }

private:
  char *data_ = nullptr;
};

void plain(int *&v, std::size_t n) {
  v = (int *)realloc(v, n * sizeof *v);
  // CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:40}:"{\n    auto *grown = (int *)realloc(v, n * sizeof *v);\n    if (!grown)\n      free(v);\n    v = grown;\n  }"
}
