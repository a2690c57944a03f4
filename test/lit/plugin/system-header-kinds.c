// Findings stay out of system headers however a declaration is spelled: the
// plugin answers "is this in a system header?" from the offsets each file's
// lexing created, which must agree with clang wherever the kind of a file
// is set: -isystem, `#pragma GCC system_header` part-way through a file,
// line markers (as in preprocessed input), and a system header's macro
// expanded in user code (reported: the declaration is the user's).
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs/kinds/sys -I %S/Inputs/kinds %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=memrules-struct-padding
// Preprocessed first, the same file compiles from line markers alone.
// RUN: %clang --target=x86_64-linux-gnu -E -isystem %S/Inputs/kinds/sys -I %S/Inputs/kinds %s -o %t.i
// RUN: %memrules --target=x86_64-linux-gnu %t.i 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=memrules-struct-padding

// CHECK-DAG: struct 'in_user' is 56 bytes
// CHECK-DAG: struct 'before_pragma' is 56 bytes
// CHECK-DAG: struct 'marked_user' is 56 bytes
// CHECK-DAG: struct 'after_markers' is 56 bytes
// CHECK-DAG: struct 'after_markers_expanded' is 56 bytes

#include <kinds_sys.h>
#include "kinds_half.h"

PADDED(in_user)

// Written out, not through the macro: a file location, whose file changes
// kind at each marker.
# 1 "marked_sys.h" 1 3
struct marked_system { char a; double b; char c; double d; char e; double f; char g; };
# 1 "marked_user.h" 1
struct marked_user { char a; double b; char c; double d; char e; double f; char g; };
# 3 "marked_sys.h" 2 3
struct marked_system_again { char a; double b; char c; double d; char e; double f; char g; };
# 50 "system-header-kinds.c" 2
struct after_markers { char a; double b; char c; double d; char e; double f; char g; };
PADDED(after_markers_expanded)
