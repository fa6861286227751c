/* probe [r:PATH | w:PATH | d:PATH]...: tries to read, write (create) or delete each path and
 * prints "PATH: ok" or "PATH: <error>", to show what the sandbox allows. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    const char *path = arg + 2;
    int ok = 0;
    if (strncmp(arg, "r:", 2) == 0) {
      FILE *f = fopen(path, "rb");
      ok = f != NULL;
      if (f) fclose(f);
    } else if (strncmp(arg, "w:", 2) == 0) {
      FILE *f = fopen(path, "wb");
      ok = f != NULL && fputs("x", f) >= 0;
      if (f) ok = fclose(f) == 0 && ok;
    } else if (strncmp(arg, "d:", 2) == 0) {
      ok = unlink(path) == 0;
    }
    printf("%s: %s\n", arg, ok ? "ok" : "denied");
  }
  return 0;
}
