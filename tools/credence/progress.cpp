#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "common.hpp"

namespace credence::cli {
namespace {

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

Progress::Progress(bool enabled) : active_(enabled && ::isatty(STDERR_FILENO) == 1) {
  if (active_) thread_ = std::thread([this] { Run(); });
}

Progress::~Progress() {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    EndLine();
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Progress::Phase(std::string_view name) {
  if (!active_) return;
  std::lock_guard lock(mutex_);
  EndLine();
  phase_ = std::string(name);
  started_ = std::chrono::steady_clock::now();
}

void Progress::EndLine() {
  if (shown_) {
    Note("\rcredence: {} {:.1f} s\n", phase_, Seconds(std::chrono::steady_clock::now() - started_));
    std::fflush(stderr);
    shown_ = false;
  }
}

void Progress::Run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, std::chrono::milliseconds(250));
    if (stop_ || phase_.empty()) continue;
    const double elapsed = Seconds(std::chrono::steady_clock::now() - started_);
    const auto whole = static_cast<long>(elapsed);
    if (whole < 1 || (shown_ && whole == last_whole_)) continue;
    Note("\rcredence: {}\u2026 {} s ", phase_, whole);
    std::fflush(stderr);
    shown_ = true;
    last_whole_ = whole;
  }
}

}  // namespace credence::cli
