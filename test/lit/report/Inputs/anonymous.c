typedef struct {
  char a;
  long b;
  char c;
} padded_t;

struct named {
  char a;
  long b;
  char c;
};
padded_t many[100];
struct named more[100];
