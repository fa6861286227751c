/* cat IN [OUT]: copies IN to OUT, or to stdout when OUT is not given. */
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: cat IN [OUT]\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (in == NULL) {
    perror(argv[1]);
    return 1;
  }
  FILE *out = argc > 2 ? fopen(argv[2], "wb") : stdout;
  if (out == NULL) {
    perror(argv[2]);
    return 1;
  }
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
    if (fwrite(buf, 1, n, out) != n) {
      perror("write");
      return 1;
    }
  }
  fclose(in);
  return fclose(out) == 0 ? 0 : 1;
}
