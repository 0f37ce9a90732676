package cn.arena.marking;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.account.Scopes;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.shared.Refusal;
import org.springframework.stereotype.Component;

/** Who may mark an exam and who manages its results; an exam outside that is 404 to the caller. */
@Component
class MarkingAccess {

    private final ExamDirectory exams;
    private final MarkingTasks tasks;
    private final Scopes scopes;

    MarkingAccess(ExamDirectory exams, MarkingTasks tasks, Scopes scopes) {
        this.exams = exams;
        this.tasks = tasks;
        this.scopes = scopes;
    }

    /** Admins, organizers whose scope covers the exam, graders enrolled on it (or graders without scope). */
    boolean canMark(CurrentUser user, ExamInfo exam) {
        if (manages(user, exam)) {
            return true;
        }
        return user.has(Role.GRADER) && (user.orgUnitId() == null || tasks.isGrader(exam.id(), user.id()));
    }

    /** Admins and organizers whose scope covers the exam release its results and see its ranking at any time. */
    boolean manages(CurrentUser user, ExamInfo exam) {
        return user.isAdmin() || user.has(Role.ORGANIZER) && scopes.covers(user, exam.ownerUnitId());
    }

    ExamInfo examToMark(CurrentUser user, long examId) {
        return exams.find(examId).filter(e -> canMark(user, e)).orElseThrow(Refusal::notFound);
    }

    ExamInfo examToManage(CurrentUser user, long examId) {
        return exams.find(examId).filter(e -> manages(user, e)).orElseThrow(Refusal::notFound);
    }
}
