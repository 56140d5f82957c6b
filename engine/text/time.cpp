#include "credence/text/time.hpp"

#include <fmt/format.h>

namespace credence::text {
namespace {

constexpr std::string_view kFormats =
    "not ISO 8601 (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|+hh:mm])";

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly `n` digits at s[*pos]; false when there are fewer.
bool Digits(std::string_view s, std::size_t* pos, int n, int* value) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

bool Fail(std::string* error, std::string message) {
  *error = std::move(message);
  return false;
}

// A time of day value checked against [low, high]: "hour 24 out of range (00-23)".
bool InRange(std::string_view what, int v, int low, int high, std::string* error) {
  if (v >= low && v <= high) return true;
  *error = fmt::format("{} {:02} out of range ({:02}-{:02})", what, v, low, high);
  return false;
}

// The zone after a time of day: "", "Z", "+hh:mm", "+hhmm" or "+hh". Sets the offset east of UTC.
bool ParseZone(std::string_view s, std::size_t pos, int* offset_seconds, bool* has_zone,
               std::string* error) {
  *offset_seconds = 0;
  *has_zone = pos < s.size();
  if (pos == s.size()) return true;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    return pos + 1 == s.size() || Fail(error, std::string(kFormats));
  }
  if (s[pos] != '+' && s[pos] != '-') return Fail(error, std::string(kFormats));
  const int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  int hh = 0;
  int mm = 0;
  if (!Digits(s, &pos, 2, &hh)) return Fail(error, std::string(kFormats));
  if (pos < s.size() && s[pos] == ':') ++pos;
  if (pos < s.size() && !Digits(s, &pos, 2, &mm)) return Fail(error, std::string(kFormats));
  if (pos != s.size()) return Fail(error, std::string(kFormats));
  if (!InRange("zone hour", hh, 0, 23, error) || !InRange("zone minute", mm, 0, 59, error)) {
    return false;
  }
  *offset_seconds = sign * (hh * 3600 + mm * 60);
  return true;
}

}  // namespace

std::int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil (http://howardhinnant.github.io/date_algorithms.html).
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                             // [0, 399]
  const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                     // [0, 146096]
  return era * 146097 + doe - 719468;
}

bool ParseIsoTime(std::string_view s, ParsedTime* out, std::string* error) {
  std::size_t pos = 0;
  int year = 0;
  int month = 1;
  int day = 1;
  *out = ParsedTime{};
  if (!Digits(s, &pos, 4, &year)) return Fail(error, std::string(kFormats));
  out->precision = TimePrecision::kYear;
  if (pos < s.size()) {
    if (s[pos] != '-' || !Digits(s, &(++pos), 2, &month)) return Fail(error, std::string(kFormats));
    out->precision = TimePrecision::kMonth;
    if (!InRange("month", month, 1, 12, error)) return false;
  }
  if (pos < s.size()) {
    if (s[pos] != '-' || !Digits(s, &(++pos), 2, &day)) return Fail(error, std::string(kFormats));
    out->precision = TimePrecision::kDay;
    const int last = DaysInMonth(year, month);
    if (day < 1 || day > last) {
      return Fail(error, fmt::format("day {:02} out of range for {:04}-{:02} (01-{})", day, year,
                                     month, last));
    }
  }
  std::int64_t seconds = DaysFromCivil(year, month, day) * 86400;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return Fail(error, std::string(kFormats));
    ++pos;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!Digits(s, &pos, 2, &hour) || pos >= s.size() || s[pos] != ':' ||
        !Digits(s, &(++pos), 2, &minute)) {
      return Fail(error, std::string(kFormats));
    }
    if (pos < s.size() && s[pos] == ':') {
      if (!Digits(s, &(++pos), 2, &second)) return Fail(error, std::string(kFormats));
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        const std::size_t start = pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          out->milliseconds += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
        if (pos == start) return Fail(error, std::string(kFormats));
      }
    }
    if (!InRange("hour", hour, 0, 23, error) || !InRange("minute", minute, 0, 59, error) ||
        !InRange("second", second, 0, 60, error)) {
      return false;
    }
    int offset = 0;
    if (!ParseZone(s, pos, &offset, &out->has_zone, error)) return false;
    out->precision = TimePrecision::kDateTime;
    seconds += hour * 3600 + minute * 60 + second - offset;
  }
  out->utc_seconds = seconds;
  return true;
}

bool ParseIsoPeriodEnd(std::string_view s, std::int64_t* last, std::string* error) {
  ParsedTime parsed;
  if (!ParseIsoTime(s, &parsed, error)) return false;
  constexpr std::int64_t kDay = 86400;
  // A year or month was written as YYYY or YYYY-MM: read its digits back.
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  switch (parsed.precision) {
    case TimePrecision::kYear:
      *last = DaysFromCivil(number(0, 4) + 1, 1, 1) * kDay - 1;
      break;
    case TimePrecision::kMonth: {
      const int year = number(0, 4);
      const int month = number(5, 2);
      *last =
          (month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, month + 1, 1)) * kDay -
          1;
      break;
    }
    case TimePrecision::kDay:
      *last = parsed.utc_seconds + kDay - 1;
      break;
    case TimePrecision::kDateTime:
      *last = parsed.utc_seconds;
      break;
  }
  return true;
}

std::string FormatIsoTime(std::int64_t utc_seconds, bool date_only) {
  // Hinnant's civil_from_days on the floor of the day.
  std::int64_t days = utc_seconds / 86400;
  std::int64_t rest = utc_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (date_only) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, rest / 3600, rest / 60 % 60,
                     rest % 60);
}

}  // namespace credence::text
