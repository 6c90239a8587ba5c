package cn.gov.lvliang.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.audit.AuditTrailEntry.Actor;
import cn.gov.lvliang.ledger.verifier.CaseBundle;
import cn.gov.lvliang.ledger.verifier.CaseProofs;
import cn.gov.lvliang.ledger.verifier.CaseVerification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The printable page: its Chinese labels, its print layout, and no way for stored text to add markup. */
class AuditTrailHtmlTest {

    @Test
    void storedText_isEscaped_andTimesAreInBeijingTime() {
        AuditTrailEntry complaint = new AuditTrailEntry(3, 42, "e-3", "BundleCase", "ComplaintLodgedEvent",
                "“办不成事”反映", "1", Instant.parse("2025-03-10T03:00:00Z"), Instant.parse("2025-03-10T03:00:01.250Z"),
                new Actor("wang.fang", "WINDOW_CLERK", "141102_APPROVAL", "141102"), null, null, "t-1", "c-1",
                "req-1", "{\"content\":\"<script>alert('x')</script> & 更多\"}", null);

        String page = AuditTrailHtml.render("case-1", List.of(complaint),
                new AuditTrailFilter(null, null, TimeAxis.RECORDED, null, null, Set.of()),
                Instant.parse("2025-03-14T04:00:00Z"), beforeTheFirstCheckpoint("case-1"),
                new ProofBadge("NOT_YET_CHECKPOINTED", "尚未纳入检查点", "账本尚未签署检查点，1 个事件待纳入"));

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 更多");
        assertThat(page).contains("2025-03-10 11:00:00", "2025-03-10 11:00:01.250", "2025-03-14 12:00:00（北京时间）");
        assertThat(page).contains("审计轨迹", "事件类型", "业务时间", "记录时间", "操作人", "单位", "县区", "渠道",
                "请求编号 req-1", "关联编号 t-1", "因果编号 c-1", "角色 WINDOW_CLERK", "筛选条件", "无（全部事件）");
        assertThat(page).contains("@media print", "@page { size: A4 landscape");
        assertThat(page).contains("账本校验", "尚未纳入检查点</span>：账本尚未签署检查点，1 个事件待纳入",
                "检查点</dt><dd>账本尚未签署检查点", "ledger-verifier.jar audit-trail-case-1.jsonl");
    }

    private static CaseProofs.Proof beforeTheFirstCheckpoint(String caseId) {
        return new CaseProofs.Proof(new CaseBundle(caseId, "2025-03-14T04:00:00Z", null, List.of(), List.of(), 1),
                new CaseVerification(caseId, CaseVerification.Status.NOT_YET_CHECKPOINTED, "2025-03-14T04:00:00Z",
                        null, 0, 1, Map.of(), null, List.of(), List.of()));
    }
}
