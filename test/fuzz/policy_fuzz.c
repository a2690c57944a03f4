/*
** libFuzzer target for the policy loader: every input is written to a
** .memrules.yaml in a private directory and loaded, and a loaded policy is
** queried the way the plugin queries it. The loader must never crash, hang,
** leak or read out of bounds, whatever the bytes; errors must carry a
** message and, when they name a position, one inside the file.
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memrules_policy.h"

static char policy_path[64];

/* One private directory per process, so relative `extends:` paths resolve
** among files the fuzzer never writes. */
static void make_workspace(void) {
  char dir[] = "/tmp/memrules-fuzz-XXXXXX";
  if (!mkdtemp(dir))
    abort();
  snprintf(policy_path, sizeof policy_path, "%s/.memrules.yaml", dir);
}

static void write_input(const uint8_t *data, size_t size) {
  FILE *f = fopen(policy_path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    abort();
}

/* Lines as libyaml (and clang) count them: CR LF, CR, LF, and the Unicode
** NEL, LS and PS each end one. */
static size_t count_lines(const uint8_t *data, size_t size) {
  size_t lines = 1;
  for (size_t i = 0; i < size; i++) {
    if (data[i] == '\r') {
      lines++;
      i += i + 1 < size && data[i + 1] == '\n';
    } else if (data[i] == '\n' ||
               (data[i] == 0xC2 && i + 1 < size && data[i + 1] == 0x85) ||
               (data[i] == 0xE2 && i + 2 < size && data[i + 1] == 0x80 &&
                (data[i + 2] == 0xA8 || data[i + 2] == 0xA9))) {
      lines++;
    }
  }
  return lines;
}

static void query(const mr_policy *policy) {
  mr_settings settings;
  mr_policy_settings_for(policy, "src/a.c", &settings);
  mr_policy_settings_for(policy, "/abs/dir/b.cc", &settings);
  for (int i = 0; i < MR_RULE_COUNT; i++)
    assert(settings.rule[i].severity <= MR_SEV_ERROR);
  (void)mr_policy_is_excluded(policy, "third_party/x.c");
  (void)mr_policy_is_hot_file(policy, "src/hot/loop.c");
  (void)mr_policy_is_hot_function(policy, "main");
  (void)mr_policy_is_log_function(policy, "printf");
  size_t families = mr_policy_allocator_family_count(policy);
  for (size_t i = 0; i < families; i++) {
    const mr_allocator_family *family = mr_policy_allocator_family(policy, i);
    for (size_t j = 0; j < family->alloc_count; j++)
      assert(family->alloc[j] && family->alloc[j][0]);
  }
  (void)mr_policy_baseline(policy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!policy_path[0])
    make_workspace();
  write_input(data, size);
  mr_error err;
  mr_policy *policy = mr_policy_load_file(policy_path, &err);
  if (policy) {
    query(policy);
    mr_policy_free(policy);
    return 0;
  }
  char text[2048];
  mr_error_format(&err, text, sizeof text);
  assert(err.message[0]);
  /* A position in this file is inside it (other files of an extends chain
  ** are not the fuzzer's). */
  if (err.line > 0 && strcmp(err.file, policy_path) == 0)
    assert((size_t)err.line <= count_lines(data, size));
  return 0;
}
