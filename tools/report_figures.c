/*
** The figures of a merged report: the numbers a code base is measured by and
** ratcheted down on. Each census category gives a hot and an elsewhere figure
** (and, when it is split further, one pair per part), so a new census entry
** in the report format becomes a figure without code here.
*/
#include <stdio.h>
#include <string.h>

#include "report.h"

static void pair_totals(json_t *census_entry, long long *hot, long long *other) {
  *hot = *other = 0;
  if (json_object_get(census_entry, "hot") || json_object_get(census_entry, "other")) {
    *hot = mr_int(census_entry, "hot");
    *other = mr_int(census_entry, "other");
    return;
  }
  const char *key;
  json_t *part;
  json_object_foreach(census_entry, key, part) {
    *hot += mr_int(part, "hot");
    *other += mr_int(part, "other");
  }
}

/* "alloc_sites" -> "alloc sites" */
static void display_name(const char *key, char *buf, size_t size) {
  snprintf(buf, size, "%s", key);
  for (char *p = buf; *p; p++)
    if (*p == '_') *p = ' ';
}

static void add_pair(json_t *figures, const char *name, json_t *entry) {
  long long hot, other;
  pair_totals(entry, &hot, &other);
  char label[256];
  snprintf(label, sizeof label, "%s in hot paths", name);
  json_object_set_new(figures, label, json_integer(hot));
  snprintf(label, sizeof label, "%s elsewhere", name);
  json_object_set_new(figures, label, json_integer(other));
}

json_t *mr_figures(json_t *merged) {
  json_t *figures = json_object();
  json_object_set_new(figures, "findings",
                      json_integer(json_array_size(json_object_get(merged, "findings")) +
                                   json_array_size(json_object_get(merged, "baselined"))));
  const char *key;
  json_t *entry;
  json_object_foreach(json_object_get(merged, "census"), key, entry) {
    if (strcmp(key, "findings") == 0) continue; /* the list says it better */
    char name[128];
    display_name(key, name, sizeof name);
    add_pair(figures, name, entry);
    if (json_object_get(entry, "hot") || json_object_get(entry, "other")) continue;
    const char *part_key;
    json_t *part;
    json_object_foreach(entry, part_key, part) {
      char part_name[256];
      snprintf(part_name, sizeof part_name, "%s (%s)", name, part_key);
      add_pair(figures, part_name, part);
    }
  }
  return figures;
}

/* Percent rounded half away from zero; a typographic minus, as in prose. */
void mr_format_change(long long before, long long after, char *buf, size_t size) {
  if (before == after) {
    snprintf(buf, size, "%lld → %lld (no change)", before, after);
  } else if (before == 0) {
    snprintf(buf, size, "%lld → %lld (new)", before, after);
  } else {
    long long diff = after - before, mag = diff < 0 ? -diff : diff;
    long long pct = (mag * 200 + before) / (2 * before);
    snprintf(buf, size, "%lld → %lld (%s%lld%%)", before, after,
             diff < 0 ? "−" : "+", pct);
  }
}
