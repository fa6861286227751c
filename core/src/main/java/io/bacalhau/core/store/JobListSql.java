package io.bacalhau.core.store;

import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The statement behind {@code job list}: a page of jobs in a namespace whose labels meet every
 * requirement. Labels are looked up in {@code job_labels}: one requirement that names a value or a
 * key ({@code =}, {@code in}, {@code gt}, {@code lt}, exists) drives the query through its index,
 * so only the jobs carrying that label are read; the others are checked against index lookups. Only
 * a selector of nothing but negations ({@code !=}, {@code notin}, {@code !key}) walks the jobs in
 * list order, and then a page at a time.
 */
final class JobListSql {
  final String sql;
  final Object[] args;

  private JobListSql(String sql, List<Object> args) {
    this.sql = sql;
    this.args = args.toArray();
  }

  static JobListSql of(JobQuery query) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT j.json FROM ");
    Optional<LabelSelectorRequirement> driver =
        query.labels().stream()
            .filter(r -> rank(r) < Integer.MAX_VALUE)
            .min(Comparator.comparingInt(JobListSql::rank));
    if (driver.isPresent()) {
      // CROSS JOIN keeps job_labels the outer loop: SQLite would otherwise walk every job in list
      // order and look each one's label up.
      sql.append("job_labels d CROSS JOIN jobs j ON j.id = d.job_id WHERE d.key = ?");
      args.add(driver.get().key());
      sql.append(valueCondition("d.", driver.get(), args));
    } else {
      sql.append("jobs j WHERE 1 = 1");
    }
    String ns = query.namespace();
    if (!(ns.isBlank() || "*".equals(ns))) {
      sql.append(" AND j.namespace = ?");
      args.add(ns);
    }
    for (LabelSelectorRequirement r : query.labels()) {
      if (driver.isPresent() && r == driver.get()) {
        continue;
      }
      sql.append(negated(r) ? " AND j.id NOT IN" : " AND j.id IN");
      sql.append(" (SELECT job_id FROM job_labels WHERE key = ?");
      args.add(r.key());
      sql.append(valueCondition("", r, args)).append(")");
    }
    String order = "modified_at".equals(query.orderBy()) ? "j.modify_time" : "j.create_time";
    String direction = query.reverse() ? " DESC" : " ASC";
    sql.append(" ORDER BY ").append(order).append(direction).append(", j.id").append(direction);
    sql.append(" LIMIT ? OFFSET ?");
    args.add(query.limit() <= 0 ? -1 : query.limit());
    args.add(query.offset());
    return new JobListSql(sql.toString(), args);
  }

  private static String op(LabelSelectorRequirement r) {
    return r.operator().strip().toLowerCase(Locale.ROOT);
  }

  /** Whether the requirement holds for jobs that lack a matching label row. */
  private static boolean negated(LabelSelectorRequirement r) {
    return switch (op(r)) {
      case "!=", "notin", "!" -> true;
      default -> false;
    };
  }

  /** How well a requirement narrows the jobs down by index; MAX_VALUE when it cannot drive. */
  private static int rank(LabelSelectorRequirement r) {
    return switch (op(r)) {
      case "=", "==" -> 0;
      case "in" -> 1;
      case "gt", "lt" -> 2;
      case "exists" -> 3;
      default -> Integer.MAX_VALUE;
    };
  }

  /**
   * The condition on a label row's value (the key is already matched): for a negation, the rows
   * whose presence makes the requirement fail.
   */
  private static String valueCondition(
      String alias, LabelSelectorRequirement r, List<Object> args) {
    String value = alias + "value";
    String first = r.values().isEmpty() ? "" : r.values().getFirst();
    switch (op(r)) {
      case "=", "==", "!=" -> {
        args.add(first);
        return " AND " + value + " = ?";
      }
      case "in", "notin" -> {
        args.addAll(r.values());
        return " AND "
            + value
            + " IN ("
            + String.join(",", r.values().stream().map(v -> "?").toList())
            + ")";
      }
      case "gt", "lt" -> {
        args.add(Long.parseLong(first.strip()));
        // Only whole numbers compare, as Bacalhau's selectors do; other values never match.
        return " AND ("
            + value
            + " GLOB '[0-9]*' OR "
            + value
            + " GLOB '-[0-9]*') AND substr("
            + value
            + ", 2) NOT GLOB '*[^0-9]*' AND CAST("
            + value
            + " AS INTEGER) "
            + (op(r).equals("gt") ? ">" : "<")
            + " ?";
      }
      default -> {
        return "";
      }
    }
  }
}
