package cn.zhutui.job;

import java.util.Map;

/** What a running job sees and reports. Progress is written in its own transaction, visible at once. */
public interface JobContext {

    Job job();

    void total(int total);

    void progress(int done);

    /** The job did its work; the message code and small result are shown to the user. */
    void succeed(String messageCode, Map<String, Object> result, Long resultFileId);

    /** The job ran but its input was refused (e.g. a file with errors); nothing was changed. */
    void fail(String messageCode, Map<String, Object> result, Long resultFileId);
}
