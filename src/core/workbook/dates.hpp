// Calc serial dates <-> calendar dates. A serial is the number of days since the document's
// null date (1899-12-30 by default, 1904-01-01 in some old workbooks); the fraction is the
// time of day and is ignored here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealsheet {

struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const CivilDate& a, const CivilDate& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

class SerialDates {
  public:
    static constexpr CivilDate kDefaultNullDate{1899, 12, 30};

    // Throws std::invalid_argument for a null date that is not a calendar date.
    explicit SerialDates(CivilDate nullDate = kDefaultNullDate);

    // std::nullopt for non-finite serials and dates outside 1400-01-01 .. 9999-12-31.
    std::optional<CivilDate> toCivil(double serial) const;
    // toCivil(serial).has_value(), without working out the date.
    bool isDate(double serial) const;
    std::optional<long> toSerial(CivilDate date) const;
    // Today's date on this machine's clock, as a serial of this document.
    long todaySerial() const;

    const CivilDate& nullDate() const { return nullDate_; }

  private:
    CivilDate nullDate_;
    long nullDayNumber_;
};

// "2024-05-03" and "2024-05": how DealSheet shows dates and months in reports and messages.
std::string isoDate(const CivilDate& date);
// The date of exactly "YYYY-MM-DD" (digits where digits belong), none for any other text; the
// calendar check is toSerial's.
std::optional<CivilDate> parseIsoDate(std::string_view text);
std::string isoMonth(int year, int month);

// Whole day of a serial (floor), or nullopt when it is not finite or absurdly large.
std::optional<long> wholeDay(double serial);

}  // namespace dealsheet
