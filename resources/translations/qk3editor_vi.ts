<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>App</name>
        <message>
            <source>Saved</source>
            <translation>Đã lưu</translation>
        </message>
        <message>
            <source>Unexpected error: {0}</source>
            <translation>Lỗi không lường trước: {0}</translation>
        </message>
        <message>
            <source>Import articles</source>
            <translation>Nhập bài viết</translation>
        </message>
        <message>
            <source>Articles (*.md *.markdown *.txt)</source>
            <translation>Bài viết (*.md *.markdown *.txt)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <source>About qk3editor</source>
            <translation>Giới thiệu qk3editor</translation>
        </message>
        <message>
            <source>qk3editor: the editor of the QK3 online newsroom.
Licence: GPL-3.0-or-later.</source>
            <translation>qk3editor: phần mềm biên tập của Ban biên tập QK3 online.
Giấy phép: GPL-3.0-or-later.</translation>
        </message>
        <message>
            <source>qk3editor cannot start</source>
            <translation>Không khởi động được qk3editor</translation>
        </message>
    </context>
    <context>
        <name>ArticleEditorView</name>
        <message>
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <source>Lead (sapo): QK3 online - ...</source>
            <translation>Sapo: QK3 online - ...</translation>
        </message>
        <message>
            <source>tags, separated by commas</source>
            <translation>từ khóa, cách nhau bằng dấu phẩy</translation>
        </message>
        <message>
            <source>Body (markdown)</source>
            <translation>Nội dung (markdown)</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>Sapo</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Chuyên mục</translation>
        </message>
        <message>
            <source>Byline</source>
            <translation>Tác giả</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Từ khóa</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
    </context>
    <context>
        <name>EditorController</name>
        <message>
            <source>Unexpected error: {0}</source>
            <translation>Lỗi không lường trước: {0}</translation>
        </message>
    </context>
    <context>
        <name>LibraryController</name>
        <message>
            <source>All (not spiked)</source>
            <translation>Tất cả (trừ thùng rác)</translation>
        </message>
        <message>
            <source>Trash (spiked)</source>
            <translation>Thùng rác</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Tất cả chuyên mục</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Chuyên mục</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Byline</source>
            <translation>Tác giả</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>(chưa có tiêu đề)</translation>
        </message>
    </context>
    <context>
        <name>LibraryView</name>
        <message>
            <source>Status:</source>
            <translation>Trạng thái:</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>Chuyên mục:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>qk3editor — QK3 online newsroom</source>
            <translation>qk3editor — Ban biên tập QK3 online</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Thanh công cụ chính</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Sửa</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>&amp;Bài viết</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>T&amp;rợ giúp</translation>
        </message>
        <message>
            <source>&amp;New article</source>
            <translation>Bài &amp;mới</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>&amp;Import...</source>
            <translation>&amp;Nhập...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>T&amp;hoát</translation>
        </message>
        <message>
            <source>Move to &amp;trash</source>
            <translation>Chuyển vào &amp;thùng rác</translation>
        </message>
        <message>
            <source>&amp;Restore from trash</source>
            <translation>&amp;Khôi phục từ thùng rác</translation>
        </message>
        <message>
            <source>&amp;About qk3editor</source>
            <translation>&amp;Giới thiệu qk3editor</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>qk3editor: the QK3 online editor. Without a command it opens the window.</source>
            <translation>qk3editor: phần mềm biên tập QK3 online. Không có lệnh thì mở cửa sổ chương trình.</translation>
        </message>
        <message>
            <source>the store: a SQLite file or a URL</source>
            <translation>kho dữ liệu: một tệp SQLite hoặc một URL</translation>
        </message>
        <message>
            <source>language (vi or en)</source>
            <translation>ngôn ngữ (vi hoặc en)</translation>
        </message>
        <message>
            <source>print the version</source>
            <translation>in số phiên bản</translation>
        </message>
        <message>
            <source>qk3editor: usage error: {detail}</source>
            <translation>qk3editor: lỗi cú pháp lệnh: {detail}</translation>
        </message>
        <message>
            <source>qk3editor: error: {detail}</source>
            <translation>qk3editor: lỗi: {detail}</translation>
        </message>
        <message>
            <source>qk3editor: unexpected error ({kind}); details are in the log</source>
            <translation>qk3editor: lỗi không lường trước ({kind}); chi tiết có trong nhật ký</translation>
        </message>
        <message>
            <source>create a draft article</source>
            <translation>tạo một bài nháp</translation>
        </message>
        <message>
            <source>the title</source>
            <translation>tiêu đề</translation>
        </message>
        <message>
            <source>a file with the body</source>
            <translation>tệp chứa nội dung bài</translation>
        </message>
        <message>
            <source>the lead (sapo)</source>
            <translation>sapo của bài</translation>
        </message>
        <message>
            <source>category name or slug</source>
            <translation>tên hoặc slug của chuyên mục</translation>
        </message>
        <message>
            <source>the byline</source>
            <translation>tên tác giả</translation>
        </message>
        <message>
            <source>list articles</source>
            <translation>liệt kê bài viết</translation>
        </message>
        <message>
            <source>only this status</source>
            <translation>chỉ bài ở trạng thái này</translation>
        </message>
        <message>
            <source>JSON output</source>
            <translation>in ra dạng JSON</translation>
        </message>
        <message>
            <source>show one article</source>
            <translation>hiển thị một bài viết</translation>
        </message>
        <message>
            <source>import files as new articles</source>
            <translation>nhập các tệp thành bài viết mới</translation>
        </message>
        <message>
            <source>export an article</source>
            <translation>xuất một bài viết</translation>
        </message>
        <message>
            <source>file format</source>
            <translation>định dạng tệp</translation>
        </message>
        <message>
            <source>output file</source>
            <translation>tệp đầu ra</translation>
        </message>
        <message>
            <source>move an article to the trash</source>
            <translation>chuyển một bài vào thùng rác</translation>
        </message>
        <message>
            <source>restore a spiked article</source>
            <translation>khôi phục một bài từ thùng rác</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Something went wrong: {detail}</source>
            <translation>Đã xảy ra lỗi: {detail}</translation>
        </message>
        <message>
            <source>Not found: {what}</source>
            <translation>Không tìm thấy: {what}</translation>
        </message>
        <message>
            <source>No article with id {id}</source>
            <translation>Không có bài viết nào có mã {id}</translation>
        </message>
        <message>
            <source>The article was changed elsewhere (version {expected} expected, {actual} found)</source>
            <translation>Bài viết đã được sửa ở nơi khác (mong đợi phiên bản {expected}, hiện là {actual})</translation>
        </message>
        <message>
            <source>Invalid value: {detail}</source>
            <translation>Giá trị không hợp lệ: {detail}</translation>
        </message>
        <message>
            <source>An article cannot go from {source} to {target}</source>
            <translation>Bài viết không thể chuyển từ trạng thái {source} sang {target}</translation>
        </message>
        <message>
            <source>Cannot read {path}: {detail}</source>
            <translation>Không đọc được {path}: {detail}</translation>
        </message>
        <message>
            <source>The store cannot be used: {detail}</source>
            <translation>Không dùng được kho dữ liệu: {detail}</translation>
        </message>
        <message>
            <source>The store is read-only or the disk is full; your text is kept in the editor</source>
            <translation>Kho dữ liệu chỉ đọc hoặc ổ đĩa đã đầy; văn bản của bạn vẫn được giữ trong trình soạn thảo</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text</source>
            <translation>{path} không phải văn bản UTF-8</translation>
        </message>
        <message>
            <source>{path}: cannot read the date {value!r}</source>
            <translation>{path}: không đọc được ngày {value!r}</translation>
        </message>
        <message>
            <source>{path}: the front matter is not valid YAML (line {line})</source>
            <translation>{path}: phần đầu (front matter) không phải YAML hợp lệ (dòng {line})</translation>
        </message>
        <message>
            <source>{path}: the front matter must be 'key: value' lines</source>
            <translation>{path}: phần đầu (front matter) phải gồm các dòng 'khóa: giá trị'</translation>
        </message>
        <message>
            <source>{path}: tags must be a list</source>
            <translation>{path}: từ khóa (tags) phải là một danh sách</translation>
        </message>
        <message>
            <source>the file does not exist</source>
            <translation>tệp không tồn tại</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>không có quyền truy cập</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>ổ đĩa đã đầy</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>ổ đĩa chỉ cho phép đọc</translation>
        </message>
        <message>
            <source>this is a folder, not a file</source>
            <translation>đây là thư mục, không phải tệp</translation>
        </message>
        <message>
            <source>{path}: files of type {suffix} cannot be imported</source>
            <translation>{path}: không nhập được tệp loại {suffix}</translation>
        </message>
    </context>
    <context>
        <name>status</name>
        <message>
            <source>Draft</source>
            <translation>Bản nháp</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Đã gửi duyệt</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Đã duyệt</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Đã đăng</translation>
        </message>
        <message>
            <source>Corrected</source>
            <translation>Đã đính chính</translation>
        </message>
        <message>
            <source>Unpublished</source>
            <translation>Đã gỡ</translation>
        </message>
        <message>
            <source>Spiked</source>
            <translation>Thùng rác</translation>
        </message>
    </context>
</TS>
