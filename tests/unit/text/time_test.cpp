#include "credence/text/time.hpp"

#include <gtest/gtest.h>

#include <string>

namespace credence::text {
namespace {

// The instant of `s`; fails the test when it does not parse.
std::int64_t Seconds(std::string_view s) {
  ParsedTime t;
  std::string error;
  EXPECT_TRUE(ParseIsoTime(s, &t, &error)) << s << ": " << error;
  return t.utc_seconds;
}

std::string Error(std::string_view s) {
  ParsedTime t;
  std::string error;
  EXPECT_FALSE(ParseIsoTime(s, &t, &error)) << s;
  return error;
}

constexpr const char* kNotIso = "not ISO 8601 (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|+hh:mm])";

// Worked by hand: 1970-2017 is 48 years with 12 leap days (1972..2016), so 2018-01-01 is day
// 48 * 365 + 12 = 17532; 21 March is 31 + 28 + 20 = 79 days later: 17611 * 86400.
TEST(ParseIsoTimeTest, DatesAreTheirFirstInstantInUtc) {
  EXPECT_EQ(Seconds("1970-01-01"), 0);
  EXPECT_EQ(Seconds("2018-03-21"), 1521590400);
  EXPECT_EQ(Seconds("2018-03"), 17591LL * 86400);  // 1 March 2018: day 17532 + 59
  EXPECT_EQ(Seconds("2018"), 17532LL * 86400);
  // 2000-01-01 is day 30 * 365 + 7 = 10957; 1 March 2000 is 31 + 29 days later.
  EXPECT_EQ(Seconds("2000-03-01"), 11017LL * 86400);
  EXPECT_EQ(Seconds("1969-12-31"), -86400);
}

TEST(ParseIsoTimeTest, DateTimesWithZones) {
  EXPECT_EQ(Seconds("1970-01-01T00:00Z"), 0);
  EXPECT_EQ(Seconds("1970-01-01T00:00:00"), 0);
  // 12:00 at +02:00 is 10:00 UTC; 29 March 2018 is day 17532 + 31 + 28 + 28 = 17619.
  EXPECT_EQ(Seconds("2018-03-29T12:00:00+02:00"), 17619LL * 86400 + 10 * 3600);
  EXPECT_EQ(Seconds("2018-03-29T12:00:00+02:00"), 1522317600);
  EXPECT_EQ(Seconds("2018-03-29 12:00:00+0200"), 1522317600);
  EXPECT_EQ(Seconds("2018-03-29T12:00+02"), 1522317600);
  EXPECT_EQ(Seconds("2018-03-21T00:00-05:30"), 1521590400 + 5 * 3600 + 30 * 60);
  EXPECT_EQ(Seconds("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(Seconds("1970-01-01T01:00:00+01:00"), 0);
  // A leap second is the next minute's first: 2017-01-01 is day 17532 - 365 = 17167.
  EXPECT_EQ(Seconds("2016-12-31T23:59:60Z"), 17167LL * 86400);
}

TEST(ParseIsoTimeTest, RemembersWhatWasWritten) {
  ParsedTime t;
  std::string error;
  ASSERT_TRUE(ParseIsoTime("2018-03-21", &t, &error));
  EXPECT_EQ(t.precision, TimePrecision::kDay);
  EXPECT_FALSE(t.has_zone);
  ASSERT_TRUE(ParseIsoTime("2018-03", &t, &error));
  EXPECT_EQ(t.precision, TimePrecision::kMonth);
  ASSERT_TRUE(ParseIsoTime("2018", &t, &error));
  EXPECT_EQ(t.precision, TimePrecision::kYear);
  ASSERT_TRUE(ParseIsoTime("2018-03-21T10:20:30.25Z", &t, &error));
  EXPECT_EQ(t.precision, TimePrecision::kDateTime);
  EXPECT_TRUE(t.has_zone);
  EXPECT_EQ(t.milliseconds, 250);
  EXPECT_EQ(t.utc_seconds, 1521590400 + 10 * 3600 + 20 * 60 + 30);
  ASSERT_TRUE(ParseIsoTime("2018-03-21T10:20", &t, &error));
  EXPECT_EQ(t.precision, TimePrecision::kDateTime);
  EXPECT_FALSE(t.has_zone);
  EXPECT_EQ(t.milliseconds, 0);
}

TEST(ParseIsoTimeTest, LeapYears) {
  EXPECT_EQ(Seconds("2020-02-29"), Seconds("2020-03-01") - 86400);
  EXPECT_EQ(Seconds("2000-02-29"), Seconds("2000-03-01") - 86400);
  EXPECT_EQ(Error("2019-02-29"), "day 29 out of range for 2019-02 (01-28)");
  EXPECT_EQ(Error("1900-02-29"), "day 29 out of range for 1900-02 (01-28)");
  EXPECT_EQ(Error("2018-04-31"), "day 31 out of range for 2018-04 (01-30)");
  EXPECT_EQ(Error("2018-01-00"), "day 00 out of range for 2018-01 (01-31)");
}

TEST(ParseIsoTimeTest, RangesAreChecked) {
  EXPECT_EQ(Error("2018-13-01"), "month 13 out of range (01-12)");
  EXPECT_EQ(Error("2018-00"), "month 00 out of range (01-12)");
  EXPECT_EQ(Error("2018-03-21T24:00"), "hour 24 out of range (00-23)");
  EXPECT_EQ(Error("2018-03-21T23:60"), "minute 60 out of range (00-59)");
  EXPECT_EQ(Error("2018-03-21T23:59:61"), "second 61 out of range (00-60)");
  EXPECT_EQ(Error("2018-03-21T23:59+24:00"), "zone hour 24 out of range (00-23)");
  EXPECT_EQ(Error("2018-03-21T23:59+01:60"), "zone minute 60 out of range (00-59)");
}

TEST(ParseIsoTimeTest, OtherFormsAreNotIso) {
  for (const char* s : {"", "21 March 2018", "2018/03/21", "18-03-21", "2018-3-21", "2018-03-21T",
                        "2018-03-21T12", "2018-03-21T12:00:", "2018-03-21T12:00:00.",
                        "2018-03-21T12:00Zx", "2018-03-21T12:00+2", "2018-03-21T12:00 UTC",
                        "2018-03-21 ", " 2018-03-21", "20180321", "T10", "Wed Oct 10 2018"}) {
    EXPECT_EQ(Error(s), kNotIso) << "'" << s << "'";
  }
}

TEST(ParseIsoPeriodEndTest, AYearMonthOrDayEndsAtItsLastSecond) {
  const auto end = [](const char* s) {
    std::int64_t last = 0;
    std::string error;
    EXPECT_TRUE(ParseIsoPeriodEnd(s, &last, &error)) << s << ": " << error;
    return last;
  };
  // Worked by hand: the next period's first instant (Seconds) minus one second.
  EXPECT_EQ(end("2018-03-29"), Seconds("2018-03-30T00:00:00Z") - 1);
  EXPECT_EQ(end("2018-02"), Seconds("2018-03-01T00:00:00Z") - 1);
  EXPECT_EQ(end("2016-02"), Seconds("2016-03-01T00:00:00Z") - 1);  // 29 days
  EXPECT_EQ(end("2018-12"), Seconds("2019-01-01T00:00:00Z") - 1);
  EXPECT_EQ(end("2018"), Seconds("2019-01-01T00:00:00Z") - 1);
  EXPECT_EQ(end("2018-03-29T18:00+02:00"), Seconds("2018-03-29T16:00:00Z"));
  std::int64_t last = 0;
  std::string error;
  EXPECT_FALSE(ParseIsoPeriodEnd("2018-13", &last, &error));
  EXPECT_NE(error.find("month 13"), std::string::npos) << error;
}

TEST(FormatIsoTimeTest, InvertsTheParser) {
  EXPECT_EQ(FormatIsoTime(0, false), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoTime(1522317600, false), "2018-03-29T10:00:00Z");
  EXPECT_EQ(FormatIsoTime(1522317600, true), "2018-03-29");
  EXPECT_EQ(FormatIsoTime(-1, false), "1969-12-31T23:59:59Z");
  for (const char* s : {"2020-02-29T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                        "1600-03-01T12:34:56Z"}) {
    EXPECT_EQ(FormatIsoTime(Seconds(s), false), s);
  }
}

}  // namespace
}  // namespace credence::text
