package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.MAPPER;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.command.fundraising.LegacyCases.FilingDate;
import cn.gov.lvliang.ledger.command.fundraising.LegacyCases.LegacyCase;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The six legacy cases of 吕政办发〔2024〕20号 §四(八), as the data file holds them. */
class FundraisingLegacyCasesTest {

    private final LegacyCases legacyCases = new LegacyCases(MAPPER, REFERENCE);

    @Test
    void theFile_holdsTheSixCasesOfThePlan_twoInLiulin_twoInFenyang_oneInLishi_oneInZhongyang() {
        assertThat(legacyCases.all()).extracting(LegacyCase::code, LegacyCase::name, LegacyCase::filingAge)
                .containsExactly(
                        tuple("141125-1", "李向阳非法集资案", LegacyFilingAge.THREE_TO_FIVE_YEARS),
                        tuple("141125-2", "张龙照非法集资案", LegacyFilingAge.THREE_TO_FIVE_YEARS),
                        tuple("141102-1", "牛志明非法集资案", LegacyFilingAge.THREE_TO_FIVE_YEARS),
                        tuple("141182-1", "汾阳市柏汇置业有限公司非法集资案",
                                LegacyFilingAge.THREE_TO_FIVE_YEARS),
                        tuple("141182-2", "平遥冠宇房地产开发公司非法集资案",
                                LegacyFilingAge.UNDER_THREE_YEARS),
                        tuple("141129-1", "朱爱清非法集资案", LegacyFilingAge.UNDER_THREE_YEARS));
        assertThat(legacyCases.planDate()).isEqualTo(LocalDate.parse("2024-07-01"));
    }

    @Test
    void eachCase_hasAFixedLedgerId_soThatASecondImportFindsTheFirst() {
        assertThat(legacyCases.find("141129-1")).map(LegacyCase::caseId).contains("legacy-141129-1");
        assertThat(legacyCases.find("999999-1")).isEmpty();
    }

    @Test
    void withoutARealDate_theImportRecordsTheFilesApproximation_andSaysSo() {
        LegacyCase niu = legacyCases.find("141102-1").orElseThrow();
        assertThat(legacyCases.filingDate(niu, null)).isEqualTo(new FilingDate(LocalDate.parse("2020-07-01"), true));
    }

    @Test
    void aRealDate_isRecorded_whenItFitsThePlansAgeGroup() {
        // 3 to 5 years before 2024-07-01: 2019-07-01 .. 2021-07-01, both ends included (以上、以下 include the figure).
        LegacyCase niu = legacyCases.find("141102-1").orElseThrow();
        assertThat(legacyCases.filingDate(niu, LocalDate.parse("2019-07-01")))
                .isEqualTo(new FilingDate(LocalDate.parse("2019-07-01"), false));
        assertThat(legacyCases.filingDate(niu, LocalDate.parse("2021-07-01")).approximate()).isFalse();
        assertThatThrownBy(() -> legacyCases.filingDate(niu, LocalDate.parse("2019-06-30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("originalFilingDate: ");
    }

    @Test
    void underThreeYears_meansAfter2021_07_01() {
        LegacyCase zhu = legacyCases.find("141129-1").orElseThrow();
        assertThatThrownBy(() -> legacyCases.filingDate(zhu, LocalDate.parse("2021-07-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(legacyCases.filingDate(zhu, LocalDate.parse("2021-07-02")).date())
                .isEqualTo(LocalDate.parse("2021-07-02"));
    }
}
