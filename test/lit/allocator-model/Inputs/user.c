// none-no-diagnostics
struct table;
struct table *table_new(int n);
void table_free(struct table *t);
int table_sum(const struct table *t);

int sum(int rounds) {
  int total = 0;
  for (int i = 0; i < rounds; i++) { // expected-note {{in this loop}}
    struct table *t = table_new(16); // expected-warning {{'t' is allocated and freed on every iteration}}
    total += table_sum(t);
    table_free(t); // expected-note {{'t' is freed here}}
  }
  return total;
}
