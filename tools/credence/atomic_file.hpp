#pragma once
// Output files written atomically: into a temporary file beside the destination, flushed to
// disk, then renamed over it. A reader sees the old file or the complete new one, never a part.

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

namespace credence::cli {

/// A file buffer that remembers the system's reason (errno) for its first failed write, which an
/// ofstream forgets: "no space left on device" must reach the message.
class RecordingFilebuf : public std::filebuf {
 public:
  int error() const { return error_; }

 protected:
  int sync() override;
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  void Record();
  int error_ = 0;
};

/// A file written under a temporary name and renamed into place by Commit(); the temporary file
/// is removed when the object is destroyed uncommitted (an exception) and when the process gets
/// SIGINT, SIGTERM or SIGHUP. Only SIGKILL (or a crash) can leave it behind: it is then named
/// `.NAME.credence-tmp-XXXXXX` in the destination's directory (docs/errors.md), never NAME.
/// Only a regular file is replaced: a symbolic link is followed to its target (which is then
/// replaced, keeping the link), and a device, FIFO or socket (`/dev/null`, a named pipe) is
/// written through directly. A replaced file keeps its permission bits.
class AtomicFile {
 public:
  /// Creates the temporary file. @throws UsageError when it cannot be created.
  explicit AtomicFile(std::string path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  std::ostream& stream() { return out_; }

  /// @throws OutputError naming the file and the system's reason when a write has failed.
  void ThrowIfFailed() const;

  /// Flushes, syncs and renames the temporary file to the destination (or flushes the direct
  /// write). @throws OutputError when writing or syncing fails (a full disk: the system's reason
  /// is in the message; the temporary file is removed), UsageError when renaming fails.
  void Commit();

 private:
  std::string path_;     // as given, for messages
  std::string target_;   // the file replaced: path_ with symbolic links resolved
  bool direct_ = false;  // written through: not a regular file
  std::string tmp_;
  int slot_ = -1;  // index in the signal handler's table of temporary files
  std::vector<char> buffer_;
  RecordingFilebuf file_;
  std::ostream out_{&file_};
  bool committed_ = false;
};

}  // namespace credence::cli
