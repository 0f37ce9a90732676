package cn.arena.marking;

import cn.arena.exam.AttemptSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Marks each attempt once its submission has committed; the publication registry redelivers it after a crash. */
@Component
class SubmissionListener {

    private final AutomaticMarking marking;

    SubmissionListener(AutomaticMarking marking) {
        this.marking = marking;
    }

    @ApplicationModuleListener
    void on(AttemptSubmitted submitted) {
        marking.markSubmitted(submitted.attemptId());
    }
}
