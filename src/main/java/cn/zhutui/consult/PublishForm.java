package cn.zhutui.consult;

/** What the public page shows of an outcome: a title and a text without personal data. */
public class PublishForm {

    private String publicTitle;
    private String publicText;
    private int version;

    public String getPublicTitle() {
        return publicTitle;
    }

    public void setPublicTitle(String publicTitle) {
        this.publicTitle = publicTitle;
    }

    public String getPublicText() {
        return publicText;
    }

    public void setPublicText(String publicText) {
        this.publicText = publicText;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
