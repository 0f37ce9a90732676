package cn.arena.bank;

/** The six question types of the seeds (单选 多选 判断 填空 简答 论述). */
public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, FILL_BLANK, SHORT_ANSWER, ESSAY;

    /** Marked by the machine on submit; the others go to blind manual marking. */
    public boolean isObjective() {
        return this != SHORT_ANSWER && this != ESSAY;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
