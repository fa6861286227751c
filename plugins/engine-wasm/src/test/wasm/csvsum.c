/*
 * csvsum FILE: reads a CSV with a header line and prints, for each column, its name and the sum of
 * its numeric cells, then the number of data rows. The small WASI job the benchmarks time: it
 * opens a mounted file, reads it line by line and writes to stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLUMNS 64

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: csvsum FILE\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "r");
  if (in == NULL) {
    perror(argv[1]);
    return 1;
  }
  char line[4096];
  char names[MAX_COLUMNS][64];
  double sums[MAX_COLUMNS] = {0};
  int columns = 0;
  long rows = 0;
  if (fgets(line, sizeof line, in) == NULL) {
    fprintf(stderr, "%s: empty file, expected a header line\n", argv[1]);
    return 1;
  }
  for (char *cell = strtok(line, ",\r\n"); cell != NULL && columns < MAX_COLUMNS;
       cell = strtok(NULL, ",\r\n")) {
    snprintf(names[columns++], sizeof names[0], "%s", cell);
  }
  while (fgets(line, sizeof line, in) != NULL) {
    int column = 0;
    for (char *cell = strtok(line, ",\r\n"); cell != NULL && column < columns;
         cell = strtok(NULL, ",\r\n")) {
      sums[column++] += strtod(cell, NULL);
    }
    rows++;
  }
  fclose(in);
  for (int i = 0; i < columns; i++) {
    printf("%s\t%.2f\n", names[i], sums[i]);
  }
  printf("rows\t%ld\n", rows);
  return 0;
}
