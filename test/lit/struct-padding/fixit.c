// The fix-it rewrites the field declarations in the suggested order, one per
// line with the first field's indentation.
// RUN: %memrules --target=x86_64-linux-gnu -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIXIT
// RUN: cp %s %t.c
// RUN: %clang --target=x86_64-linux-gnu -fsyntax-only -fplugin=%plugin -Xclang -fixit %t.c
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t.c
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify=fixed %t.c
// fixed-no-diagnostics

// FIXIT: fixit.c:[[@LINE+1]]:8: warning: struct 'conn' is 64 bytes
struct conn {
    char state;
    void *ctx;
    char flags;
    const char *host;
    char retries;
    void *buf;
    char tag;
    long deadline;
};
// FIXIT: fix-it:"{{.*}}fixit.c":{[[@LINE-9]]:5-[[@LINE-2]]:19}:"void *ctx;\n    const char *host;\n    void *buf;\n    long deadline;\n    char state;\n    char flags;\n    char retries;\n    char tag;"

// FIXED:      {{^}}struct conn {
// FIXED-NEXT: {{^}}    void *ctx;
// FIXED-NEXT: {{^}}    const char *host;
// FIXED-NEXT: {{^}}    void *buf;
// FIXED-NEXT: {{^}}    long deadline;
// FIXED-NEXT: {{^}}    char state;
// FIXED-NEXT: {{^}}    char flags;
// FIXED-NEXT: {{^}}    char retries;
// FIXED-NEXT: {{^}}    char tag;
// FIXED-NEXT: {{^}}};

// Fields on one line stay on one line; bit-field runs move whole; a
// flexible array member stays last; a field of an inline struct type moves
// with its definition.
// FIXIT: fixit.c:[[@LINE+1]]:8: warning: struct 'line' is
struct line { char a; struct { void *p; } in; unsigned f : 1; unsigned g : 2; void *q; char b; void *r; char c; long s; char data[]; };
// FIXIT: fix-it:"{{.*}}fixit.c":{[[@LINE-1]]:15-[[@LINE-1]]:133}:"struct { void *p; } in; void *q; void *r; long s; unsigned f : 1; unsigned g : 2; char a; char b; char c; char data[];"
// FIXED: {{^}}struct line { struct { void *p; } in; void *q; void *r; long s; unsigned f : 1; unsigned g : 2; char a; char b; char c; char data[]; };
