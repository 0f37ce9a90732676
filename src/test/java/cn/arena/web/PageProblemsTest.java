package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

class PageProblemsTest {

    private final PageProblems problems = new PageProblems(messages());

    @Test
    void aConflictOnAPageIsA409PageSayingWhy() {
        ModelAndView page = (ModelAndView) problems.refusal(Refusal.conflict("exam.closed"), request(false));
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getStatus().value()).isEqualTo(409);
        assertThat(page.getModel()).containsEntry("status", 409).containsEntry("message", "考试已结束");
    }

    @Test
    void anUnexpectedFailureOnAPageIsA500PageThatRevealsNothing() throws Exception {
        ModelAndView page = (ModelAndView) problems.other(new IllegalStateException("SELECT * FROM secrets"), request(false));
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getStatus().value()).isEqualTo(500);
        assertThat(page.getModel()).containsEntry("status", 500).containsEntry("message", null);
    }

    @Test
    void aRefusalOfAnHtmxRequestIsTheRefusalFragmentWithEachReason() {
        ModelAndView fragment = (ModelAndView) problems.refusal(Refusal.invalid(List.of(
                Violation.field("usernames", "exam.candidates.unknown", "li"), Violation.cell(3, "单位", "org.unit.unknown"))), request(true));
        assertThat(fragment.getViewName()).isEqualTo("fragments :: refusal");
        assertThat(fragment.getStatus().value()).isEqualTo(422);
        assertThat(fragment.getModel().get("errors")).isEqualTo(List.of("以下用户名不存在：li", "第 3 行“单位”：单位不存在"));
    }

    @Test
    void aDatabaseOutOfReachIsA503WithRetryAfter() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = (ModelAndView) problems.busy(new CannotGetJdbcConnectionException("pool timeout"), request(false), response);
        assertThat(page.getStatus().value()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    private static MockHttpServletRequest request(boolean htmx) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/exams/1/candidates");
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        return request;
    }

    private static Messages messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("exam.closed", Locale.getDefault(), "考试已结束");
        source.addMessage("exam.candidates.unknown", Locale.getDefault(), "以下用户名不存在：{0}");
        source.addMessage("org.unit.unknown", Locale.getDefault(), "单位不存在");
        source.addMessage("error.cell", Locale.getDefault(), "第 {0} 行“{1}”：{2}");
        source.setUseCodeAsDefaultMessage(true);
        return new Messages(source);
    }
}
