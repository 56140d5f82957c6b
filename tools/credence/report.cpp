// credence report / graph: the conflict report as HTML or Markdown, a claim's neighbourhood as DOT.

#include <fmt/format.h>

#include <sstream>

#include "common.hpp"
#include "credence/report/dot.hpp"
#include "credence/report/html.hpp"
#include "credence/report/timeline.hpp"
#include "progress.hpp"

namespace credence::cli {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

void AddReportCommands(CLI::App& app) {
  auto report_args = std::make_shared<CommonArgs>();
  auto top = std::make_shared<std::size_t>(50);
  auto* report = app.add_subcommand(
      "report",
      "Write the conflict report as one self-contained HTML page (summary, disputed statements\n"
      "with the evidence on both sides, sortable source table, inline SVG pictures) or as "
      "Markdown.\n"
      "Example: credence report datasets/arms-race-2018.jsonl -o report.html\n"
      "         credence report datasets/arms-race-2018.jsonl --format md -o report.md");
  AddInputOptions(report, *report_args);
  report_args->format.clear();
  AddScoringOptions(report, *report_args, {"html", "md"},
                    "Output: html (default; md when -o ends in .md) or md (Markdown)");
  report
      ->add_option("--top", *top,
                   "Claims listed and given an evidence section, from the most disputed "
                   "(default 50; 0 = all). Every source is listed.")
      ->check(CLI::NonNegativeNumber);
  auto timelines = std::make_shared<std::size_t>(5);
  report
      ->add_option("--timelines", *timelines,
                   "Draw the belief over time of this many listed claims, the most disputed with "
                   "at least 2 dated events (default 5; 0 = none). Each costs one analysis per "
                   "event (the latest 30 events of each are drawn)")
      ->check(CLI::NonNegativeNumber);
  report->callback([report_args, top, timelines] {
    std::string format = report_args->format;
    if (format.empty()) {
      format = EndsWith(report_args->output, ".md") || EndsWith(report_args->output, ".markdown")
                   ? "md"
                   : "html";
    }
    Progress progress(!report_args->quiet);
    SessionOptions options = ToSessionOptions(*report_args);
    options.on_phase = [&](std::string_view phase) { progress.Phase(phase); };
    const auto session = Session::Run(report_args->file, options);
    report::ReportModel model = BuildReport(*session, report::DocumentReportOptions(*top));
    if (*timelines > 0) {
      std::vector<Index> ranked;
      for (const report::ClaimRow& row : model.claims) ranked.push_back(row.assessment->claim);
      progress.Phase("timelines");
      // The latest 30 events of each: one analysis each, so at most 30 x N analyses.
      report::TimelineOptions latest;
      latest.max_events = 30;
      model.timelines =
          report::BuildReportTimelines(session->data(), ranked, options, *timelines, latest);
      progress.Phase("");
    }
    std::ostringstream out;
    if (format == "md") {
      report::WriteMarkdownReport(out, model);
    } else {
      report::WriteHtmlReport(out, model);
    }
    Emit(report_args->output, out.str());
  });

  auto graph_args = std::make_shared<CommonArgs>();
  auto claim_id = std::make_shared<std::string>();
  auto* graph = app.add_subcommand(
      "graph",
      "Write one claim's neighbourhood (stances coloured by side, their holders, the outlets\n"
      "that relayed them, affiliations) as a Graphviz DOT graph.\n"
      "Example: credence graph datasets/arms-race-2018.jsonl arms-race-quote -o claim.dot\n"
      "         dot -Tsvg claim.dot -o claim.svg");
  AddInputOptions(graph, *graph_args);
  graph->add_option("CLAIM_ID", *claim_id, "Id of the claim")->required();
  graph_args->format = "dot";
  AddScoringOptions(graph, *graph_args, {"dot"}, "Output: dot (Graphviz; the only one)");
  graph->callback([graph_args, claim_id] {
    Progress progress(!graph_args->quiet);
    SessionOptions options = ToSessionOptions(*graph_args);
    options.on_phase = [&](std::string_view phase) { progress.Phase(phase); };
    const auto session = Session::Run(graph_args->file, options);
    std::ostringstream out;
    report::WriteNeighbourhoodDot(out, session->data(), session->graph(), session->analysis(),
                                  *claim_id);
    Emit(graph_args->output, out.str());
  });
}

}  // namespace credence::cli
