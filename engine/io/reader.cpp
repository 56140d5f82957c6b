#include "credence/io/reader.hpp"

#include <fmt/format.h>

#include "credence/core/error.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/json.hpp"
#include "credence/text/utf8.hpp"

namespace credence::io {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

InputFormat ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "stances") return InputFormat::kStancesCsv;
  if (name == "triples") return InputFormat::kTriplesCsv;
  throw InvalidArgumentError(
      fmt::format("input format must be auto, jsonl, stances or triples, got '{}'", name));
}

InputFormat DetectFormat(std::string_view path) {
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") || EndsWith(path, ".json")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(path, ".triples.csv")) return InputFormat::kTriplesCsv;
  if (EndsWith(path, ".csv")) return InputFormat::kStancesCsv;
  throw InvalidArgumentError(
      fmt::format("cannot tell the format of '{}' from its extension (.jsonl, .csv, .triples.csv); "
                  "name it with --input-format jsonl|stances|triples",
                  path));
}

Dataset ReadDataset(const std::string& path, InputFormat format, int threads) {
  if (format == InputFormat::kAuto) format = DetectFormat(path);
  const std::string content = text::ReadWholeFile(path, "a dataset");
  switch (format) {
    case InputFormat::kStancesCsv:
      return ParseStancesCsv(content, path, threads);
    case InputFormat::kTriplesCsv:
      return ParseTriplesCsv(content, path, threads);
    default:
      return ParseJsonl(content, path);
  }
}

}  // namespace credence::io
