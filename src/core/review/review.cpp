#include "core/review/review.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

#include "core/functions/customer_number.hpp"
#include "core/functions/grading.hpp"
#include "core/text/text.hpp"

namespace dealsheet {

std::optional<ReviewMonth> parseReviewMonth(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    if (t.empty()) return std::nullopt;
    std::string digits;
    for (char c : t) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c != '-' && c != '/' && c != '.')
            throw std::invalid_argument("month must look like 2026-11");
    }
    if (digits.size() != 6 && digits.size() != 5)
        throw std::invalid_argument("month must look like 2026-11");
    const int year = std::stoi(digits.substr(0, 4));
    const int month = std::stoi(digits.substr(4));
    if (year < kMinCustomerYear || year > kMaxCustomerYear || month < 1 || month > 12)
        throw std::invalid_argument("month must look like 2026-11");
    return ReviewMonth{year, month};
}

namespace {

const RecognisedSheet* find(const std::vector<RecognisedSheet>& sheets, const char* id) {
    for (const auto& s : sheets)
        if (s.schema->id == id) return &s;
    return nullptr;
}

struct Access {
    const RecognisedSheet& sheet;
    const SerialDates& dates;

    std::string text(int row, const char* column) const {
        const auto* value = std::get_if<std::string>(&sheet.data->at(row, sheet.column(column)));
        return value ? std::string(trimSpaces(*value)) : std::string();
    }
    std::optional<double> number(int row, const char* column) const {
        const int c = sheet.column(column);
        if (c < 0 || sheet.data->errorAt(row, c)) return std::nullopt;
        const auto* value = std::get_if<double>(&sheet.data->at(row, c));
        return value ? std::optional<double>(*value) : std::nullopt;
    }
    std::optional<long> date(int row, const char* column) const {
        const auto value = number(row, column);
        if (!value || !dates.toCivil(*value)) return std::nullopt;
        return wholeDay(*value);
    }
    bool inMonth(int row, const char* column, ReviewMonth month) const {
        const auto d = date(row, column);
        const auto civil = d ? dates.toCivil(static_cast<double>(*d)) : std::nullopt;
        return civil && civil->year == month.year && civil->month == month.month;
    }
    std::string enumId(int row, const char* column) const {
        const auto* schemaColumn = sheet.schema->column(column);
        if (!schemaColumn || !schemaColumn->list) return {};
        const auto* value = schemaColumn->list->find(text(row, column));
        return value ? value->id : std::string();
    }
    bool filled(int row) const { return isRowFilled(sheet, row); }
};

}  // namespace

ReviewLayout buildReview(const std::vector<RecognisedSheet>& sheets, ReviewMonth month, long today,
                         const SerialDates& dates, const Settings& settings, Lang lang) {
    const auto t = [lang](const char* zh, const char* en) {
        return CellValue(std::string(lang == Lang::En ? en : zh));
    };
    ReviewLayout layout;
    auto& grid = layout.cells;
    const auto row = [&](std::vector<CellValue> cells) {
        cells.resize(4);
        grid.push_back(std::move(cells));
    };
    const auto heading = [&](std::vector<CellValue> cells) {
        layout.headingRows.push_back(static_cast<int>(grid.size()));
        row(std::move(cells));
    };
    const auto here = [&] { return static_cast<int>(grid.size()); };
    row({t("月度复盘", "Monthly review"), isoMonth(month.year, month.month)});
    row({});
    const Schema& schema = productSchema();

    if (const auto* customers = find(sheets, "customers")) {
        const Access a{*customers, dates};
        long added = 0;
        std::map<std::string, long> byStage, byGrade;
        for (int r = 1; r < customers->data->rowCount(); ++r) {
            if (!a.filled(r)) continue;
            if (a.inMonth(r, "registeredOn", month)) ++added;
            ++byStage[a.enumId(r, "stage")];
            std::string grade = a.text(r, "leadGrade");
            if (grade.empty() &&
                (a.number(r, "budget") || a.number(r, "urgency") || a.number(r, "likelihood")))
                grade = std::string(
                    1, gradeLetter(gradeLead(a.number(r, "budget"), a.number(r, "urgency"),
                                             a.number(r, "likelihood"), settings.thresholds())));
            ++byGrade[grade];
        }
        heading({t("本月新增客户", "New customers this month"), static_cast<double>(added)});
        row({});
        layout.stages.headerRow = here();
        heading({t("销售阶段", "Stage"), t("客户数", "Customers")});
        for (const auto& stage : schema.list("stages").values) {
            row({stage.text.in(lang), static_cast<double>(byStage[stage.id])});
            ++layout.stages.rows;
        }
        row({});
        heading({t("线索评级", "Lead grade"), t("客户数", "Customers")});
        for (const char* grade : {"A", "B", "C"})
            row({std::string(grade), static_cast<double>(byGrade[grade])});
        row({t("未评级", "Not graded"), static_cast<double>(byGrade[""])});
        row({});
    }
    if (const auto* negotiations = find(sheets, "negotiations")) {
        const Access a{*negotiations, dates};
        std::map<std::string, long> byOutcome;
        for (int r = 1; r < negotiations->data->rowCount(); ++r)
            if (a.filled(r) && a.inMonth(r, "meetingDate", month))
                ++byOutcome[a.enumId(r, "outcome")];
        heading({t("本月谈判结果", "Negotiations this month"), t("次数", "Meetings")});
        for (const auto& outcome : schema.list("outcomes").values)
            row({outcome.text.in(lang), static_cast<double>(byOutcome[outcome.id])});
        row({});
    }
    if (const auto* actions = find(sheets, "actions")) {
        const Access a{*actions, dates};
        struct Counts {
            long done = 0, open = 0, overdue = 0;
        };
        std::map<std::string, Counts> byOwner;
        for (int r = 1; r < actions->data->rowCount(); ++r) {
            if (!a.filled(r)) continue;
            const std::string status = a.enumId(r, "status");
            auto& counts = byOwner[a.text(r, "owner")];
            if (status == "done") {
                if (a.inMonth(r, "completedOn", month)) ++counts.done;
            } else if (status != "cancelled") {
                ++counts.open;
                const auto due = a.date(r, "dueDate");
                if (due && *due < today) ++counts.overdue;
            }
        }
        layout.owners.headerRow = here();
        heading({t("负责人", "Owner"), t("本月完成", "Done this month"), t("未完成", "Open"),
                 t("已逾期", "Overdue")});
        for (const auto& [owner, c] : byOwner) {
            row({owner.empty() ? t("（未填）", "(blank)") : CellValue(owner),
                 static_cast<double>(c.done), static_cast<double>(c.open),
                 static_cast<double>(c.overdue)});
            ++layout.owners.rows;
        }
        row({});
    }
    if (const auto* approvals = find(sheets, "approvals")) {
        const Access a{*approvals, dates};
        long count = 0;
        double amount = 0;
        for (int r = 1; r < approvals->data->rowCount(); ++r)
            if (a.filled(r) && a.inMonth(r, "signedOn", month)) {
                ++count;
                amount += a.number(r, "amount").value_or(0);
            }
        layout.money.push_back({here(), 3});
        heading({t("本月签订合同", "Contracts signed this month"), static_cast<double>(count),
                 t("合同金额(元)", "Amount (CNY)"), amount});
        row({});
    }
    if (const auto* execution = find(sheets, "execution")) {
        const Access a{*execution, dates};
        heading({t("延迟的里程碑", "Delayed milestones"), t("合同编号", "Contract No."),
                 t("负责人", "Owner"), t("计划完成日期", "Planned Date")});
        long delayed = 0;
        for (int r = 1; r < execution->data->rowCount(); ++r) {
            if (!a.filled(r)) continue;
            const std::string status = a.enumId(r, "status");
            const auto planned = a.date(r, "plannedDate");
            if (status == "delayed" || (status != "done" && planned && *planned < today)) {
                ++delayed;
                CellValue plannedDay;
                if (planned) {
                    plannedDay = static_cast<double>(*planned);
                    layout.dates.push_back({here(), 3});
                }
                row({a.text(r, "milestone"), a.text(r, "contractNo"), a.text(r, "owner"),
                     plannedDay});
            }
        }
        if (delayed == 0) row({t("（无）", "(none)")});
    }
    return layout;
}

}  // namespace dealsheet
