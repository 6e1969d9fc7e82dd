// The findings' shared blocks (src/core/validate/finding_list): a patched version equals the
// list patched the plain way, and shares what it did not change.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "core/validate/finding_list.hpp"

using namespace dealsheet;

namespace {

const std::vector<std::string> kSheets{"客户信息登记表", "跟进行动表", "洽谈记录表"};

Finding randomFinding(std::mt19937& random, int rows) {
    static const char* const rules[] = {"REQUIRED", "REF", "DUPLICATE", "CONTACT"};
    Finding f;
    f.sheet = kSheets[random() % kSheets.size()];
    f.row = 1 + static_cast<int>(random() % static_cast<unsigned>(rows));
    f.column = static_cast<int>(random() % 6);
    f.rule = rules[random() % 4];
    f.severity = random() % 2 ? Severity::Error : Severity::Warning;
    f.value = std::to_string(random() % 5);  // same place, other findings
    f.messageZh = "第" + f.value;
    f.messageEn = "#" + f.value;
    return f;
}

auto place(const Finding& f) {
    return std::make_tuple(std::find(kSheets.begin(), kSheets.end(), f.sheet) - kSheets.begin(),
                           f.row, f.column, f.rule);
}

auto fields(const Finding& f) {
    return std::tie(f.sheet, f.row, f.column, f.rule, f.severity, f.field, f.value, f.messageZh,
                    f.messageEn);
}

std::vector<std::string> described(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.sheet + " " + std::to_string(f.row) + " " + std::to_string(f.column) + " " +
                      f.rule + " " + f.value);
    return out;
}

}  // namespace

TEST(FindingList, PatchedAsThePlainListAfterEveryRandomEdit) {
    std::mt19937 random(7);
    std::vector<Finding> plain;
    for (int i = 0; i < 3000; ++i) plain.push_back(randomFinding(random, 400));
    std::stable_sort(plain.begin(), plain.end(),
                     [](const Finding& a, const Finding& b) { return place(a) < place(b); });
    plain.erase(
        std::unique(plain.begin(), plain.end(),
                    [](const Finding& a, const Finding& b) { return fields(a) == fields(b); }),
        plain.end());
    FindingList list(plain);
    ASSERT_EQ(list.size(), plain.size());
    for (int step = 0; step < 300; ++step) {
        // Some findings go (up to a whole run of them: a paste fixed), some come.
        std::vector<Finding> removed, added;
        const int goes = step % 25 == 0 ? 600 : static_cast<int>(random() % 4);
        for (int i = 0; i < goes && !plain.empty(); ++i) {
            const auto& f = plain[random() % plain.size()];
            if (std::none_of(removed.begin(), removed.end(),
                             [&](const Finding& r) { return fields(r) == fields(f); }))
                removed.push_back(f);
        }
        const int comes = step % 40 == 0 ? 400 : static_cast<int>(random() % 4);
        for (int i = 0; i < comes; ++i) {
            Finding f = randomFinding(random, 400);
            const auto same = [&](const Finding& g) { return fields(g) == fields(f); };
            if (std::none_of(plain.begin(), plain.end(), same) &&
                std::none_of(added.begin(), added.end(), same))
                added.push_back(f);
        }
        const FindingList before = list;
        list = list.patched(removed, added, kSheets);
        // The plain way: out, in at the end of their place.
        for (const auto& r : removed)
            plain.erase(std::find_if(plain.begin(), plain.end(),
                                     [&](const Finding& f) { return fields(f) == fields(r); }));
        for (const auto& a : added)
            plain.insert(std::upper_bound(plain.begin(), plain.end(), a,
                                          [](const Finding& x, const Finding& y) {
                                              return place(x) < place(y);
                                          }),
                         a);
        ASSERT_EQ(described(list.toVector()), described(plain)) << "step " << step;
        ASSERT_EQ(list.size(), plain.size());
        if (!plain.empty()) {
            const std::size_t i = random() % plain.size();
            EXPECT_EQ(described({list[i]}), described({plain[i]}));
        }
        std::size_t walked = 0;
        for (const auto& f : list) walked += f.row > 0 ? 1 : 0;
        EXPECT_EQ(walked, plain.size());
        EXPECT_EQ(before.size() + added.size() - removed.size(), list.size());
    }
}

TEST(FindingList, AnEditCopiesOnlyTheBlockItFallsInto) {
    std::vector<Finding> plain;
    for (int row = 1; row <= 20000; ++row) {
        Finding f;
        f.sheet = kSheets[0];
        f.row = row;
        f.rule = "CONTACT";
        plain.push_back(f);
    }
    const FindingList list(plain);
    const FindingList next = list.patched({plain[9999]}, {}, kSheets);
    ASSERT_EQ(next.size(), list.size() - 1);
    // Every finding but those of one block is the very same object in both versions.
    std::size_t shared = 0;
    for (std::size_t i = 0; i < next.size(); ++i) {
        const std::size_t old = i < 9999 ? i : i + 1;
        shared += &next[i] == &list[old] ? 1 : 0;
    }
    EXPECT_GE(shared, next.size() - 1024);
    EXPECT_EQ(next[9999].row, 10001);
}
