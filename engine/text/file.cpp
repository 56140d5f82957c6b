#include "credence/text/file.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "credence/core/error.hpp"

namespace credence::text {
namespace {

[[noreturn]] void FileProblem(const std::string& path, std::string message) {
  throw DataError({Diagnostic{path, 0, "", std::move(message)}});
}

}  // namespace

std::string ReadWholeFile(const std::string& path, std::string_view what) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    FileProblem(path, fmt::format("cannot open the file: {}", std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) FileProblem(path, fmt::format("cannot read a directory as {}", what));
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

}  // namespace credence::text
