#pragma once
// Output files written atomically: into a temporary file beside the destination, flushed to
// disk, then renamed over it. A reader sees the old file or the complete new one, never a part.

#include <fstream>
#include <string>
#include <vector>

namespace credence::cli {

/// A file written under a temporary name and renamed into place by Commit(); the temporary file
/// is removed when the object is destroyed uncommitted (an exception) and when the process gets
/// SIGINT, SIGTERM or SIGHUP. Only SIGKILL (or a crash) can leave it behind: it is then named
/// `.NAME.credence-tmp-XXXXXX` in the destination's directory (docs/errors.md), never NAME.
class AtomicFile {
 public:
  /// Creates the temporary file. @throws UsageError when it cannot be created.
  explicit AtomicFile(std::string path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  std::ofstream& stream() { return out_; }

  /// Flushes, syncs and renames the temporary file to the destination.
  /// @throws UsageError when writing, syncing or renaming fails (the temporary file is removed).
  void Commit();

 private:
  std::string path_;
  std::string tmp_;
  int slot_ = -1;  // index in the signal handler's table of temporary files
  std::vector<char> buffer_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace credence::cli
