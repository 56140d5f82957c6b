#include "credence/io/reader.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "credence/core/error.hpp"

namespace credence::io {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

[[noreturn]] void FileProblem(const std::string& path, std::string message) {
  throw DataError({Diagnostic{path, 0, "", std::move(message)}});
}

std::string ReadFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    FileProblem(path, fmt::format("cannot open the file: {}", std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) FileProblem(path, "cannot read a directory as a dataset");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) FileProblem(path, fmt::format("cannot open the file: {}", std::strerror(errno)));
  std::string content;
  if (S_ISREG(info.st_mode)) content.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) content.append(buffer, n);
  if (std::ferror(file.get())) {
    FileProblem(path, fmt::format("cannot read the file: {}", std::strerror(errno)));
  }
  return content;
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

Dataset ReadDataset(const std::string& path, InputFormat format) {
  if (format == InputFormat::kAuto) format = DetectFormat(path);
  const std::string content = ReadFile(path);
  switch (format) {
    case InputFormat::kStancesCsv:
      return ParseStancesCsv(content, path);
    case InputFormat::kTriplesCsv:
      return ParseTriplesCsv(content, path);
    default:
      return ParseJsonl(content, path);
  }
}

}  // namespace credence::io
