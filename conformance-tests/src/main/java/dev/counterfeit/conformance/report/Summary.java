package dev.counterfeit.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human summary of a run, in Markdown: counts per vendor and per operation, then every rule checked with
 * what was expected, what came back and the verdict, then the details of failures and aborts.
 */
public final class Summary {
  /** The file name the summary is written under, inside the report folder. */
  public static final String FILE = "conformance-summary.md";

  private final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> notes = Collections.synchronizedMap(new TreeMap<>());

  public void add(CaseResult result) {
    results.add(result);
  }

  /** A line about a vendor's run (base URL, cleanup), shown under the counts. */
  public void note(String vendor, String text) {
    notes.merge(vendor, text, (a, b) -> a + "; " + b);
  }

  public List<CaseResult> results() {
    return List.copyOf(results);
  }

  public long count(String verdict) {
    return results().stream().filter(r -> r.verdict().equals(verdict)).count();
  }

  /** The summary as Markdown. */
  public String markdown() {
    List<CaseResult> all = results();
    StringBuilder md = new StringBuilder("# Conformance summary\n\n");
    md.append("| vendor | cases | pass | fail | aborted |\n|---|---:|---:|---:|---:|\n");
    Map<String, int[]> perVendor = new TreeMap<>();
    for (CaseResult r : all) {
      int[] counts = perVendor.computeIfAbsent(r.vendor(), k -> new int[4]);
      counts[0]++;
      counts["PASS".equals(r.verdict()) ? 1 : "FAIL".equals(r.verdict()) ? 2 : 3]++;
    }
    perVendor.forEach((vendor, c) -> md.append("| ").append(vendor).append(" | ").append(c[0]).append(" | ")
        .append(c[1]).append(" | ").append(c[2]).append(" | ").append(c[3]).append(" |\n"));
    md.append("| **all** | ").append(all.size()).append(" | ").append(count("PASS")).append(" | ")
        .append(count("FAIL")).append(" | ").append(count("ABORTED")).append(" |\n\n");
    notes.forEach((vendor, text) -> md.append("- ").append(vendor).append(": ").append(text).append('\n'));

    md.append("\n## Operations\n\n| vendor | operation | cases | pass | fail | aborted |\n|---|---|---:|---:|---:|---:|\n");
    Map<String, int[]> perOperation = new TreeMap<>();
    for (CaseResult r : all) {
      int[] counts = perOperation.computeIfAbsent(r.vendor() + " | " + r.operation(), k -> new int[4]);
      counts[0]++;
      counts["PASS".equals(r.verdict()) ? 1 : "FAIL".equals(r.verdict()) ? 2 : 3]++;
    }
    perOperation.forEach((key, c) -> md.append("| ").append(key).append(" | ").append(c[0]).append(" | ")
        .append(c[1]).append(" | ").append(c[2]).append(" | ").append(c[3]).append(" |\n"));

    md.append("\n## Rules checked\n\n| vendor | operation | rule | test | expected | actual | verdict |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (CaseResult r : all) {
      md.append("| ").append(cell(r.vendor())).append(" | ").append(cell(r.operation())).append(" | ")
          .append(cell(r.rule())).append(" | ").append(cell(r.test())).append(" | ").append(cell(r.expected()))
          .append(" | ").append(cell(r.actual())).append(" | ").append(r.verdict()).append(" |\n");
    }
    List<CaseResult> notPassed = all.stream().filter(r -> !"PASS".equals(r.verdict())).toList();
    if (!notPassed.isEmpty()) {
      md.append("\n## Failures and aborts\n");
      for (CaseResult r : notPassed) {
        md.append("\n### ").append(r.verdict()).append(": ").append(r.vendor()).append(" ").append(r.test())
            .append("\n\n```\n").append(r.detail().replace("```", "'''")).append("\n```\n");
      }
    }
    return md.toString();
  }

  /** Writes the summary into the folder and returns the file. */
  public Path write(Path folder) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(FILE);
      Files.writeString(file, markdown(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
