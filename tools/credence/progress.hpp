#pragma once
// A progress display on standard error for long phases, only when standard error is a terminal:
// a phase that has run for more than a second shows "credence: score… 3 s", updated each second,
// and its total when it ends. Nothing is printed to a pipe or a file.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace credence::cli {

class Progress {
 public:
  /// Active only when `enabled` and standard error is a terminal.
  explicit Progress(bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Marks the start of a phase ("" when the work is done).
  void Phase(std::string_view name);
  bool active() const { return active_; }

 private:
  void Run();
  void EndLine();  // with the mutex held

  bool active_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string phase_;
  std::chrono::steady_clock::time_point started_;
  bool shown_ = false;   // the current phase's line is on screen
  long last_whole_ = 0;  // the whole seconds it shows
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace credence::cli
