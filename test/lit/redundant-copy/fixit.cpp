// The range-for fix-it (`const auto &`), applied to a copy and checked
// again: the fixed code is silent.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp && %clang -std=c++17 -fsyntax-only -fplugin=%plugin -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -fixit %t.cpp 2>/dev/null; FileCheck --check-prefix=FIXED --input-file %t.cpp %s
// RUN: %memrules -std=c++17 -Wall -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %t.cpp 2>&1 | FileCheck --allow-empty --check-prefix=CLEAN %s
// CLEAN-NOT: memrules

#include <string>
#include <vector>

size_t total(const std::vector<std::string> &names) {
  size_t n = 0;
  for (auto name : names)
    n += name.size();
  // CHECK: fix-it:"{{.*}}":{[[@LINE-2]]:8-[[@LINE-2]]:8}:"const "
  // CHECK: fix-it:"{{.*}}":{[[@LINE-3]]:13-[[@LINE-3]]:13}:"&"
  // FIXED: {{^}}  for (const auto &name : names){{$}}
  return n;
}

size_t already_const(const std::vector<std::string> &names) {
  size_t n = 0;
  for (const std::string name : names)
    n += name.size();
  // CHECK: fix-it:"{{.*}}":{[[@LINE-2]]:26-[[@LINE-2]]:26}:"&"
  // FIXED: {{^}}  for (const std::string &name : names){{$}}
  return n;
}
