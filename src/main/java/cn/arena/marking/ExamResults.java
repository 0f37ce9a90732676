package cn.arena.marking;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Released exam results for downstream modules (competition standings, reports). Nothing here is visible before the
 * organizer releases the exam: until then {@link #released} is empty.
 */
@Service
public class ExamResults {

    private final ResultsStore store;

    ExamResults(ResultsStore store) {
        this.store = store;
    }

    public boolean isReleased(long examId) {
        return store.release(examId).isPresent();
    }

    /** One score per candidate (their best marked attempt), or empty when the exam is not released. */
    @Transactional(readOnly = true)
    public List<ReleasedScore> released(long examId) {
        if (!isReleased(examId)) {
            return List.of();
        }
        return store.bestMarkedPerUser(examId).stream()
                .map(a -> new ReleasedScore(a.userId(), a.score(), a.submittedAt(), a.timeUsed()))
                .toList();
    }
}
