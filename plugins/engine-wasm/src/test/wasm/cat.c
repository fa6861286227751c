/* cat IN [OUT] [IN OUT]...: copies each IN to the OUT after it, or to stdout when it has none. */
#include <stdio.h>

static int copy(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  if (in == NULL) {
    perror(from);
    return 1;
  }
  FILE *out = to != NULL ? fopen(to, "wb") : stdout;
  if (out == NULL) {
    perror(to);
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
  return out == stdout ? (fflush(out) == 0 ? 0 : 1) : (fclose(out) == 0 ? 0 : 1);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: cat IN [OUT] [IN OUT]...\n");
    return 2;
  }
  for (int i = 1; i < argc; i += 2) {
    int status = copy(argv[i], i + 1 < argc ? argv[i + 1] : NULL);
    if (status != 0) {
      return status;
    }
  }
  return 0;
}
