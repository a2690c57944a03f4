// Policy families' grow functions (here the sqlite3 preset): the grown
// pointer is the argument the result is stored back into, the size the
// integer arguments after it. Without the preset they are unknown calls.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/sqlite3.yaml -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=plain %s
// plain-no-diagnostics

typedef struct sqlite3 sqlite3;
void *sqlite3_realloc64(void *, unsigned long long);
void *sqlite3DbRealloc(sqlite3 *, void *, unsigned long long);

int *collect(int count) {
  int *a = 0;
  int n = 0;
  for (int i = 0; i < count; i++) { // expected-note {{in this loop}}
    a = sqlite3_realloc64(a, sizeof(int) * (n + 1)); // expected-warning {{sqlite3_realloc64 grows 'a' by a constant step}}
    if (a == 0)
      return 0;
    a[n++] = i; // expected-note {{'n' advances by a constant here}}
  }
  return a;
}

char **names(sqlite3 *db, int count) {
  char **z = 0;
  int n = 0;
  while (n < count) { // expected-note {{in this loop}}
    z = sqlite3DbRealloc(db, z, sizeof(char *) * (n + 2)); // expected-warning {{sqlite3DbRealloc grows 'z' by a constant step}}
    z[n] = 0;
    n++; // expected-note {{'n' advances by a constant here}}
  }
  return z;
}
