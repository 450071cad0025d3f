package cn.zhutui.consult;

/**
 * What must be true before a topic may enter a step: the catalogue of checks the system knows how
 * to make. Which step asks for which check is configuration (each committee's procedure), not code.
 */
public enum StepCheck {
    /** nothing: the topic may enter the step at any time */
    NONE,
    /** at least one meeting on the topic has final minutes */
    MEETING_FINAL,
    /** a meeting with final minutes agreed at least one outcome */
    OUTCOME_AGREED,
    /** the topic has outcomes and every one of them is carried out */
    OUTCOMES_DONE,
    /** the topic has outcomes and the residents said each solved their problem */
    ALL_SOLVED
}
