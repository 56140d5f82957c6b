// credence timeline: one claim's belief after each dated event ("what was known on day X").

#include "credence/report/timeline.hpp"

#include <fmt/format.h>

#include <sstream>

#include "common.hpp"
#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "credence/report/writers.hpp"
#include "progress.hpp"

namespace credence::cli {

void AddTimelineCommand(CLI::App& app) {
  auto args = std::make_shared<CommonArgs>();
  auto claim_id = std::make_shared<std::string>();
  auto max_events = std::make_shared<std::size_t>(100);
  auto* timeline = app.add_subcommand(
      "timeline",
      "What was known on each day: the claim's belief, its 90% interval, verdict and counted\n"
      "units after each dated event bearing on it (a stance on the claim or on another claim of\n"
      "its group, or the retraction of one), each computed by the whole analysis as of that\n"
      "instant. An \"undated\" first row shows what the undated records alone say. One analysis\n"
      "per event: --max-events caps them (the latest are kept).\n"
      "Example: credence timeline datasets/arms-race-2018.jsonl arms-race-quote\n"
      "         credence timeline data.jsonl some-claim --as-of 2018-04 --format csv -o t.csv");
  AddInputOptions(timeline, *args);
  timeline->add_option("CLAIM_ID", *claim_id, "Id of the claim")->required();
  AddScoringOptions(timeline, *args);
  timeline
      ->add_option("--max-events", *max_events,
                   "Show at most this many dated events, the latest (default 100); each costs "
                   "one analysis of the whole dataset")
      ->check(CLI::PositiveNumber);
  timeline->callback([args, claim_id, max_events] {
    const auto format = report::ParseOutputFormat(args->format);
    const SessionOptions options = ToSessionOptions(*args);
    Progress progress(!args->quiet);
    progress.Phase("parse");
    const Dataset data = io::ReadDataset(args->file, options.format, options.model.threads);
    const Index claim = data.FindClaim(*claim_id);
    if (claim == kNone) {
      throw InvalidArgumentError(fmt::format("no claim with id '{}' in {}", *claim_id, data.path));
    }
    report::TimelineOptions timeline_options;
    timeline_options.max_events = *max_events;
    progress.Phase("timeline");
    const report::ClaimTimeline t = report::BuildTimeline(data, claim, options, timeline_options);
    progress.Phase("");
    std::ostringstream out;
    report::WriteTimeline(out, data, t, format);
    Emit(args->output, out.str());
  });
}

}  // namespace credence::cli
