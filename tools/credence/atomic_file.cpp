#include "atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

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

void RecordingFilebuf::Record() {
  if (error_ == 0) error_ = errno != 0 ? errno : EIO;
}

int RecordingFilebuf::sync() {
  errno = 0;
  const int r = std::filebuf::sync();
  if (r != 0) Record();
  return r;
}

RecordingFilebuf::int_type RecordingFilebuf::overflow(int_type c) {
  errno = 0;
  const int_type r = std::filebuf::overflow(c);
  if (traits_type::eq_int_type(r, traits_type::eof()) && !traits_type::eq_int_type(c, r)) {
    Record();
  }
  return r;
}

std::streamsize RecordingFilebuf::xsputn(const char* s, std::streamsize n) {
  errno = 0;
  const std::streamsize r = std::filebuf::xsputn(s, n);
  if (r < n) Record();
  return r;
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), target_(path_) {
  InstallHandlersOnce();
  // What is at the destination decides how it is written.
  struct stat st {};
  if (::lstat(path_.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    if (char* real = ::realpath(path_.c_str(), nullptr); real != nullptr) {
      target_ = real;
      std::free(real);  // NOLINT(cppcoreguidelines-no-malloc): realpath's buffer
    } else {
      direct_ = true;  // a dangling link: writing through it creates its target
    }
  }
  std::optional<mode_t> keep_mode;
  if (!direct_ && ::stat(target_.c_str(), &st) == 0) {
    if (S_ISREG(st.st_mode)) {
      keep_mode = st.st_mode & 07777;
    } else {
      direct_ = true;  // a device, FIFO or socket: never renamed over
    }
  }
  buffer_.resize(std::size_t{1} << 20);
  file_.pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (direct_) {
    errno = 0;
    if (file_.open(target_, std::ios::out | std::ios::binary | std::ios::trunc) == nullptr) {
      throw UsageError(
          fmt::format("cannot write to '{}': {}", path_, std::strerror(errno != 0 ? errno : EIO)));
    }
    return;
  }
  std::string name = TemplateFor(target_);
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
  // mkstemp creates the file 0600: give it the replaced file's mode, else a plain create's.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, keep_mode ? *keep_mode : 0666 & ~mask);
  ::close(fd);
  tmp_ = std::move(name);
  if (file_.open(tmp_, std::ios::out | std::ios::binary | std::ios::trunc) == nullptr) {
    ::unlink(tmp_.c_str());
    Unregister(slot_);
    throw UsageError(fmt::format("cannot write to '{}'", path_));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !direct_) {
    file_.close();
    ::unlink(tmp_.c_str());
    Unregister(slot_);
  }
}

void AtomicFile::ThrowIfFailed() const {
  if (file_.error() != 0) {
    throw OutputError(fmt::format("cannot write to '{}': {}", path_, std::strerror(file_.error())));
  }
}

void AtomicFile::Commit() {
  out_.flush();
  const bool closed = file_.close() != nullptr;
  int error = file_.error();
  if (error == 0 && (!out_ || !closed)) error = EIO;
  bool ok = error == 0;
  // Data on disk before the rename makes it visible: after a crash the destination holds the
  // old content or the new, not an empty file.
  if (ok && !direct_) {
    const int fd = ::open(tmp_.c_str(), O_RDONLY);
    ok = fd >= 0 && ::fsync(fd) == 0;
    if (!ok) error = errno;
    if (fd >= 0) ::close(fd);
  }
  if (!ok) {
    throw OutputError(
        fmt::format("cannot write to '{}': {}", path_, std::strerror(error != 0 ? error : EIO)));
  }
  if (!direct_ && std::rename(tmp_.c_str(), target_.c_str()) != 0) {
    throw UsageError(
        fmt::format("cannot move the output into place at '{}': {}", path_, std::strerror(errno)));
  }
  committed_ = true;
  Unregister(slot_);
}

}  // namespace credence::cli
