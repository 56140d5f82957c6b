#pragma once
/// ISO 8601 dates and date-times, as the `time` fields of a dataset give them (docs/format.md,
/// "Times").

#include <cstdint>
#include <string>
#include <string_view>

namespace credence::text {

/// How much of a time was written: a year ("2018"), a month ("2018-03"), a day ("2018-03-21")
/// or a date-time ("2018-03-21T12:00", with or without seconds and zone).
enum class TimePrecision : std::uint8_t { kYear, kMonth, kDay, kDateTime };

/// A parsed time: a sortable instant plus what was written.
struct ParsedTime {
  /// Seconds since 1970-01-01T00:00:00 UTC (negative before it). A year, month or day alone
  /// means its first instant in UTC; a date-time without a zone is read as UTC.
  std::int64_t utc_seconds = 0;
  int milliseconds = 0;  ///< The fraction of a second written, truncated to ms: 0 to 999.
  TimePrecision precision = TimePrecision::kDay;
  bool has_zone = false;  ///< True when a zone (Z or +hh:mm / -hh:mm) was written.
};

/// Parses `s` as ISO 8601 in the extended format: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or
/// `YYYY-MM-DDThh:mm[:ss[.f...]]` followed by nothing, `Z` or `+hh:mm` / `-hh:mm` (also `+hhmm`
/// and `+hh`); a space may stand for the `T`. Ranges: year 0000-9999, month 01-12, day within
/// its month (29 February only in leap years), hour 00-23, minute 00-59, second 00-60 (a leap
/// second counts as the next minute's first), zone offset at most 23:59.
/// Returns true and fills `*out` when `s` is such a time; else returns false, leaves `*out`
/// unspecified and puts in `*error` what is wrong ("month 13 out of range (01-12)", "not ISO
/// 8601 (...)"). Never throws except std::bad_alloc. O(|s|).
bool ParseIsoTime(std::string_view s, ParsedTime* out, std::string* error);

/// The last instant of the period `s` names, for "as of" cut-offs: a year, month or day means
/// its last second in UTC (2018-03-29 -> 2018-03-29T23:59:59Z), a date-time that instant (its
/// seconds; a fraction is dropped). Returns false with `*error` set as ParseIsoTime does.
/// O(|s|).
bool ParseIsoPeriodEnd(std::string_view s, std::int64_t* last, std::string* error);

/// Days from 1970-01-01 to the proleptic Gregorian date year-month-day (negative before it).
/// `month` in 1-12 and `day` in 1-31 (not checked against the month). O(1).
std::int64_t DaysFromCivil(int year, int month, int day);

/// The UTC date-time of `utc_seconds` as `YYYY-MM-DDThh:mm:ssZ`, or `YYYY-MM-DD` when
/// `date_only` (the day the instant falls on). Years outside 0000-9999 are written with as
/// many digits as they need. O(1).
std::string FormatIsoTime(std::int64_t utc_seconds, bool date_only);

}  // namespace credence::text
