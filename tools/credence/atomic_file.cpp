#include "atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common.hpp"

namespace credence::cli {
namespace {

// Temporary files the signal handler removes. Fixed storage: the handler may only call
// async-signal-safe functions (unlink, signal, raise) and must not allocate.
constexpr std::size_t kSlots = 8;
constexpr std::size_t kPathMax = 4096;
std::array<std::array<char, kPathMax>, kSlots> g_tmp_paths{};
std::array<volatile std::sig_atomic_t, kSlots> g_tmp_live{};

extern "C" void RemoveTemporaryFilesAndDie(int sig) {
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (g_tmp_live[i] != 0) ::unlink(g_tmp_paths[i].data());
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void InstallHandlersOnce() {
  static const bool installed = [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction action {};
      action.sa_handler = RemoveTemporaryFilesAndDie;
      sigemptyset(&action.sa_mask);
      ::sigaction(sig, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
}

int Register(const std::string& tmp) {
  if (tmp.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (g_tmp_live[i] == 0) {
      std::memcpy(g_tmp_paths[i].data(), tmp.c_str(), tmp.size() + 1);
      g_tmp_live[i] = 1;
      return static_cast<int>(i);
    }
  }
  return -1;
}

void Unregister(int slot) {
  if (slot >= 0) g_tmp_live[static_cast<std::size_t>(slot)] = 0;
}

// "dir/.name.credence-tmp-XXXXXX" for "dir/name".
std::string TemplateFor(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return fmt::format("{}.{}.credence-tmp-XXXXXX", dir, name);
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  InstallHandlersOnce();
  std::string name = TemplateFor(path_);
  // Block the handled signals between creating the file and registering it.
  sigset_t block;
  sigset_t old;
  sigemptyset(&block);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  ::sigprocmask(SIG_BLOCK, &block, &old);
  const int fd = ::mkstemp(name.data());
  if (fd >= 0) slot_ = Register(name);
  ::sigprocmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0) {
    throw UsageError(fmt::format("cannot write to '{}': {}", path_, std::strerror(errno)));
  }
  // mkstemp creates the file 0600; give it the mode a plain create would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  tmp_ = std::move(name);
  buffer_.resize(std::size_t{1} << 20);
  out_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  out_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    ::unlink(tmp_.c_str());
    Unregister(slot_);
    throw UsageError(fmt::format("cannot write to '{}'", path_));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    ::unlink(tmp_.c_str());
    Unregister(slot_);
  }
}

void AtomicFile::Commit() {
  out_.flush();
  out_.close();
  bool ok = static_cast<bool>(out_);
  // Data on disk before the rename makes it visible: after a crash the destination holds the
  // old content or the new, not an empty file.
  if (ok) {
    const int fd = ::open(tmp_.c_str(), O_RDONLY);
    ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
  }
  if (!ok) throw UsageError(fmt::format("cannot write to '{}'", path_));
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    throw UsageError(
        fmt::format("cannot move the output into place at '{}': {}", path_, std::strerror(errno)));
  }
  committed_ = true;
  Unregister(slot_);
}

}  // namespace credence::cli
