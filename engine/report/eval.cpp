#include "credence/report/eval.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cmath>

#include "credence/text/json.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using eval::GoldKind;
using eval::Metrics;
using internal::JsonNumber;

// Pads to `width` display columns, counting UTF-8 code points.
std::string Pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t count = internal::CodePoints(s);
  if (count >= width) return s;
  const std::string fill(width - count, ' ');
  return right ? fill + s : s + fill;
}

// An undefined metric prints as "-".
std::string Fixed(double v, int precision) {
  return std::isfinite(v) ? internal::Fixed(v, precision) : "-";
}

std::string Duration(double seconds) {
  if (seconds < 1.0) return fmt::format("{:.2f} ms", seconds * 1e3);
  return fmt::format("{:.2f} s", seconds);
}

std::string_view KindWord(GoldKind kind) { return kind == GoldKind::kClaim ? "claim" : "object"; }

// The coverage of the gold, the same in every row.
const Metrics* AnyRow(const EvalReport& report) {
  return report.rows.empty() ? nullptr : &report.rows.front();
}

}  // namespace

void WriteEvalTable(std::ostream& out, const EvalReport& report, bool show_time) {
  const Metrics* any = AnyRow(report);
  const std::size_t items = any != nullptr ? any->items : 0;
  const std::size_t missing = any != nullptr ? any->missing : 0;
  const std::size_t scored = any != nullptr ? any->scored_claims : 0;
  fmt::print(out, "Evaluation of {} against {}\n", report.dataset, report.gold);
  fmt::print(out, "{} gold {}{}, {} not in the dataset; {} scored claim{}.\n\n", items,
             KindWord(report.kind), items == 1 ? "" : "s", missing, scored, scored == 1 ? "" : "s");

  struct Column {
    const char* title;
    std::size_t width;
    bool right;
  };
  std::vector<Column> columns = {
      {"algorithm", 24, false}, {"accuracy", 16, true},    {"P(false)", 10, true},
      {"R(false)", 10, true},   {"F1(false)", 11, true},   {"Brier", 9, true},
      {"ECE", 9, true},         {"trust ρ (n)", 14, true}, {"iterations", 12, true},
      {"converged", 11, true},
  };
  if (show_time) columns.push_back({"time", 12, true});
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string cell = Pad(cells[i], columns[i].width, columns[i].right);
      // A cell wider than its column (large counts) still gets a space before it.
      if (i > 0 && columns[i].right && !cell.empty() && cell.front() != ' ') line += ' ';
      line += cell;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    fmt::print(out, "{}\n", line);
  };
  std::vector<std::string> titles;
  for (const auto& c : columns) titles.emplace_back(c.title);
  print_row(titles);
  for (const Metrics& m : report.rows) {
    if (!m.error.empty()) {
      fmt::print(out, "{}  error: {}\n", Pad(m.algorithm, columns[0].width - 2, false), m.error);
      continue;
    }
    std::vector<std::string> cells = {
        m.algorithm,
        fmt::format("{} ({}/{})", Fixed(m.accuracy, 3), m.correct, m.items),
        Fixed(m.precision, 3),
        Fixed(m.recall, 3),
        Fixed(m.f1, 3),
        Fixed(m.brier, 4),
        Fixed(m.ece, 4),
        m.baseline
            ? "-"
            : fmt::format("{}{} ({})", std::isfinite(m.trust_rho) && m.trust_rho > 0 ? "+" : "",
                          Fixed(m.trust_rho, 3), m.trust_sources),
        m.baseline ? "-" : fmt::format("{}", m.iterations),
        m.baseline ? "-" : (m.converged ? "yes" : "no"),
    };
    if (show_time) cells.push_back(Duration(m.seconds));
    print_row(cells);
  }
  fmt::print(out,
             "\naccuracy: share of the gold {}s right (those not in the dataset count as wrong).\n"
             "P/R/F1 with false as the positive class, Brier and ECE (10 bins): over the scored "
             "claims.\n"
             "trust ρ: Spearman correlation between each source's trust and its accuracy on the "
             "gold,\nover the n sources with at least 3 stances on scored claims.\n",
             KindWord(report.kind));
}

void WriteEvalJson(std::ostream& out, const EvalReport& report, bool show_time) {
  const Metrics* any = AnyRow(report);
  const auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
  std::string buffer;
  text::JsonWriter w(&buffer);
  w.BeginObject().Key("dataset").String(report.dataset).Key("gold").String(report.gold);
  w.Key("gold_kind").String(KindWord(report.kind));
  w.Key("gold_items").Int(count(any != nullptr ? any->items : 0));
  w.Key("missing").Int(count(any != nullptr ? any->missing : 0));
  w.Key("scored_claims").Int(count(any != nullptr ? any->scored_claims : 0));
  w.Key("results").BeginArray();
  for (const Metrics& m : report.rows) {
    w.Newline().BeginObject().Key("algorithm").String(m.algorithm);
    if (!m.error.empty()) {
      w.Key("error").String(m.error).EndObject();
      continue;
    }
    w.Key("baseline").Bool(m.baseline).Key("accuracy").Number(JsonNumber(m.accuracy));
    w.Key("correct").Int(count(m.correct)).Key("items").Int(count(m.items));
    w.Key("missing").Int(count(m.missing)).Key("precision").Number(JsonNumber(m.precision));
    w.Key("recall").Number(JsonNumber(m.recall)).Key("f1").Number(JsonNumber(m.f1));
    w.Key("tp").Int(count(m.tp)).Key("fp").Int(count(m.fp)).Key("fn").Int(count(m.fn));
    w.Key("tn").Int(count(m.tn)).Key("scored_claims").Int(count(m.scored_claims));
    w.Key("brier").Number(JsonNumber(m.brier)).Key("ece").Number(JsonNumber(m.ece));
    w.Key("trust_spearman").Number(JsonNumber(m.trust_rho));
    w.Key("trust_sources").Int(count(m.trust_sources)).Key("iterations").Int(m.iterations);
    w.Key("converged").Bool(m.converged);
    if (show_time) w.Key("seconds").Number(JsonNumber(m.seconds));
    w.EndObject();
  }
  w.Newline().EndArray().EndObject();
  out << buffer << "\n";
}

}  // namespace credence::report
