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
    <name>ArticleEditor</name>
    <message>
        <source>The article could not be saved</source>
        <translation>Không lưu được bài viết</translation>
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
    <name>EditorWiring</name>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Nhập bài viết</translation>
    </message>
    <message>
        <source>Articles (*.docx *.md *.markdown *.txt *.html *.htm)</source>
        <translation>Bài viết (*.docx *.md *.markdown *.txt *.html *.htm)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Trang web (*.html)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Export article</source>
        <translation>Xuất bài viết</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>Markdown (.md)…</source>
        <translation>Markdown (.md)…</translation>
    </message>
    <message>
        <source>Portal web page (.html)…</source>
        <translation>Trang web của cổng (.html)…</translation>
    </message>
    <message>
        <source>Word (.docx)…</source>
        <translation>Word (.docx)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Tìm và &amp;thay…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Tìm tiếp</translation>
    </message>
    <message>
        <source>&amp;Focus mode</source>
        <translation>Chế độ &amp;tập trung</translation>
    </message>
    <message>
        <source>Saved again: nothing was lost</source>
        <translation>Đã lưu lại được: không mất chữ nào</translation>
    </message>
</context>
<context>
    <name>EditorWorkspace</name>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Kiểm tra trước khi gửi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Thay bằng</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Thay</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Thay tất cả</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>Đã thay %n chỗ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormattingBar</name>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Tiêu đề mục</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Insert photo</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation>Địa chỉ (https://…)</translation>
    </message>
    <message>
        <source>Photo id</source>
        <translation>Mã ảnh</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Select two revisions to compare them.</source>
        <translation>Chọn hai phiên bản để so sánh.</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>No difference.</source>
        <translation>Không có khác biệt.</translation>
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
    <name>PreflightPanel</name>
    <message>
        <source>line %1</source>
        <translation>dòng %1</translation>
    </message>
    <message>
        <source>Ready: nothing to fix.</source>
        <translation>Sẵn sàng: không có gì phải sửa.</translation>
    </message>
    <message numerus="yes">
        <source>Ready, with %n remark(s).</source>
        <translation>
            <numerusform>Sẵn sàng, có %n lưu ý.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not ready: %n item(s) to fix.</source>
        <translation>
            <numerusform>Chưa sẵn sàng: còn %n mục phải sửa.</numerusform>
        </translation>
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
        <source>{path}: the front matter must be &apos;key: value&apos; lines</source>
        <translation>{path}: phần đầu (front matter) phải gồm các dòng &apos;khóa: giá trị&apos;</translation>
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
    <name>preflight</name>
    <message>
        <source>The article has no title</source>
        <translation>Bài viết chưa có tiêu đề</translation>
    </message>
    <message>
        <source>The article has no lead</source>
        <translation>Bài viết chưa có sapo</translation>
    </message>
    <message>
        <source>The lead has {words} words; keep it to {limit}</source>
        <translation>Sapo có {words} từ; nên giữ trong {limit} từ</translation>
    </message>
    <message>
        <source>Photo {photo} has no caption</source>
        <translation>Ảnh {photo} chưa có chú thích</translation>
    </message>
    <message>
        <source>Photo {photo} has no credit</source>
        <translation>Ảnh {photo} chưa ghi tác giả</translation>
    </message>
    <message>
        <source>Photo {photo} is not in the photo library</source>
        <translation>Ảnh {photo} không có trong kho ảnh</translation>
    </message>
    <message>
        <source>No featured photo is chosen</source>
        <translation>Chưa chọn ảnh đại diện</translation>
    </message>
    <message>
        <source>Tone marks in two styles: “{word}” here, “{other}” elsewhere</source>
        <translation>Dấu thanh đặt theo hai kiểu: “{word}” ở đây, “{other}” ở chỗ khác</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
</context>
<context>
    <name>revisions</name>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <source>While typing</source>
        <translation>Trong khi gõ</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập từ tệp</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
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
        <source>Body</source>
        <translation>Nội dung</translation>
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
<context>
    <name>workflow</name>
    <message>
        <source>Back to draft</source>
        <translation>Trả về bản nháp</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Gửi duyệt</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Mark published</source>
        <translation>Đánh dấu đã đăng</translation>
    </message>
    <message>
        <source>Mark corrected</source>
        <translation>Đánh dấu đã đính chính</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Gỡ bài</translation>
    </message>
</context>
</TS>
