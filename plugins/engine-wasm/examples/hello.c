/* Says hello, shows its args and one env var, writes to stderr and exits with a chosen code:
 *   hello [words...]          prints "Hello, world!" then each word on its own line
 *   GREETING=hi hello         also prints "GREETING=hi"
 *   hello exit 7              exits with code 7 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("Hello, world!\n");
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "exit") == 0 && i + 1 < argc) {
      fprintf(stderr, "exiting with %s\n", argv[i + 1]);
      return atoi(argv[i + 1]);
    }
    printf("arg %d: %s\n", i, argv[i]);
  }
  const char *greeting = getenv("GREETING");
  if (greeting != NULL) {
    printf("GREETING=%s\n", greeting);
  }
  const char *job = getenv("BACALHAU_JOB_ID");
  if (job != NULL) {
    printf("BACALHAU_JOB_ID=%s\n", job);
  }
  fprintf(stderr, "bye\n");
  return 0;
}
