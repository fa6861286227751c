package io.bacalhau.architecture;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which package names which, with one place each edge comes from, and the cycles among them. */
final class PackageGraph {
  private final Map<String, Map<String, String>> edges = new TreeMap<>();

  /** The graph of the packages of {@code sources}, counting only edges between those packages. */
  static PackageGraph of(List<JavaSource> sources, Path root) {
    PackageGraph g = new PackageGraph();
    Set<String> own = new TreeSet<>();
    sources.forEach(s -> own.add(s.packageName()));
    for (JavaSource s : sources) {
      g.edges.computeIfAbsent(s.packageName(), k -> new TreeMap<>());
      for (JavaSource.Reference r : s.references()) {
        if (own.contains(r.packageName()) && !r.packageName().equals(s.packageName())) {
          g.edges.get(s.packageName()).putIfAbsent(r.packageName(), s.where(root, r));
        }
      }
    }
    return g;
  }

  /**
   * Every cycle, as its strongly connected set of packages with each edge inside it and where that
   * edge is named (Tarjan's algorithm).
   */
  List<String> cycles() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<String> found = new ArrayList<>();
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, index, low, stack, onStack, found);
      }
    }
    return found;
  }

  private void connect(
      String v,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<String> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : edges.get(v).keySet()) {
      if (!index.containsKey(w)) {
        connect(w, index, low, stack, onStack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(describe(component));
      }
    }
  }

  private String describe(Set<String> component) {
    StringBuilder b = new StringBuilder("cycle among " + component + ":");
    for (String from : component) {
      edges
          .get(from)
          .forEach(
              (to, where) -> {
                if (component.contains(to)) {
                  b.append("\n    ")
                      .append(from)
                      .append(" -> ")
                      .append(to)
                      .append(" (")
                      .append(where);
                  b.append(')');
                }
              });
    }
    return b.toString();
  }
}
