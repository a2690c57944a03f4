#include <cstddef>

std::size_t sum_squares(std::size_t n) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; i++) {
    std::size_t *square = new std::size_t(i * i);
    total += *square;
    delete square;
  }
  return total;
}
