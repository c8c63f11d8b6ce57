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
        <source>Photos checked: {0} captions read back from their files, {1} leftover temp files removed</source>
        <translation>Đã kiểm tra ảnh: đọc lại {0} chú thích từ tệp, xóa {1} tệp tạm còn sót</translation>
    </message>
    <message>
        <source>The store is damaged</source>
        <translation>Kho dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>Restore the last backup, {name} ({when})? The damaged file is kept aside.</source>
        <translation>Khôi phục bản sao lưu gần nhất, {name} ({when})? Tệp bị hỏng sẽ được cất riêng.</translation>
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
    <message>
        <source>No article is open. Choose one in the library on the left, or press Ctrl+N to write a new one.</source>
        <translation>Chưa mở bài nào. Chọn một bài trong thư viện bên trái, hoặc nhấn Ctrl+N để viết bài mới.</translation>
    </message>
</context>
<context>
    <name>ArticlePhotosDialog</name>
    <message>
        <source>Photos of this article</source>
        <translation>Ảnh của bài này</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <source>Featured photo</source>
        <translation>Ảnh đại diện</translation>
    </message>
    <message>
        <source>Remove from article</source>
        <translation>Bỏ khỏi bài</translation>
    </message>
    <message>
        <source>Use this caption in the article</source>
        <translation>Dùng chú thích này trong bài</translation>
    </message>
    <message>
        <source>Back to the file&apos;s caption</source>
        <translation>Trở về chú thích của tệp</translation>
    </message>
    <message>
        <source>Caption in this article</source>
        <translation>Chú thích trong bài này</translation>
    </message>
</context>
<context>
    <name>CaptionPanel</name>
    <message>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Nguồn ảnh</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Thành phố</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên ảnh</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Văn bản thay thế</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Bản quyền</translation>
    </message>
    <message>
        <source>photographers, separated by commas</source>
        <translation>tên người chụp, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Người chụp</translation>
    </message>
    <message>
        <source>keywords, separated by commas</source>
        <translation>từ khóa, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>append</source>
        <translation>thêm vào</translation>
    </message>
    <message>
        <source>replace</source>
        <translation>thay thế</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Từ khóa</translation>
    </message>
    <message>
        <source>Empty fields keep each photo&apos;s own value. Variables: {date} {city} {creator} {credit} {filename} {seq}</source>
        <translation>Ô để trống giữ nguyên giá trị riêng của từng ảnh. Biến: {date} {city} {creator} {credit} {filename} {seq}</translation>
    </message>
    <message>
        <source>Apply to selected photos</source>
        <translation>Áp dụng cho các ảnh đã chọn</translation>
    </message>
    <message>
        <source>Template...</source>
        <translation>Mẫu...</translation>
    </message>
    <message>
        <source>Codes...</source>
        <translation>Mã viết tắt...</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>(different values: kept)</source>
        <translation>(giá trị khác nhau: giữ nguyên)</translation>
    </message>
    <message numerus="yes">
        <source>Apply to %n photo(s)</source>
        <translation>
            <numerusform>Áp dụng cho %n ảnh</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecksController</name>
    <message>
        <source>Make the tone style &amp;consistent...</source>
        <translation>Thống nhất &amp;kiểu đặt dấu thanh...</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>Thay bằng “%1”</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Edited on the server</source>
        <translation>Đã được sửa trên máy chủ</translation>
    </message>
    <message>
        <source>Someone edited this article on the server after your last publish. Nothing was overwritten. Compare the two versions and decide.</source>
        <translation>Có người đã sửa bài này trên máy chủ sau lần đăng trước của bạn. Chưa có gì bị ghi đè. Hãy so sánh hai phiên bản và quyết định.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Phiên bản của bạn</translation>
    </message>
    <message>
        <source>Version on the server</source>
        <translation>Phiên bản trên máy chủ</translation>
    </message>
    <message>
        <source>Publish mine over it</source>
        <translation>Đăng bản của tôi đè lên</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version</source>
        <translation>Giữ bản trên máy chủ</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>qk3editor met an error</source>
        <translation>qk3editor gặp lỗi</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong inside qk3editor.&lt;/b&gt;&lt;br&gt;What happened: {summary}&lt;br&gt;&lt;br&gt;Your text is safe: what you typed was saved before this message (autosave), and it will be there when you open the article again.&lt;br&gt;&lt;br&gt;You can go on working. If the error comes back, copy the report and send it to the technical team; it holds no password and no address of yours.</source>
        <translation>&lt;b&gt;Đã có lỗi bên trong qk3editor.&lt;/b&gt;&lt;br&gt;Chuyện gì đã xảy ra: {summary}&lt;br&gt;&lt;br&gt;Bài của bạn an toàn: những gì bạn đã gõ được lưu trước khi thông báo này hiện ra (tự động lưu), và sẽ còn nguyên khi bạn mở lại bài.&lt;br&gt;&lt;br&gt;Bạn có thể làm việc tiếp. Nếu lỗi lặp lại, hãy sao chép báo cáo và gửi cho bộ phận kỹ thuật; báo cáo không chứa mật khẩu hay địa chỉ nào của bạn.</translation>
    </message>
    <message>
        <source>The log is in: {path}</source>
        <translation>Nhật ký lỗi nằm ở: {path}</translation>
    </message>
    <message>
        <source>There is no log file.</source>
        <translation>Không có tệp nhật ký.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Sao chép báo cáo</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Làm tiếp</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>the desk</source>
        <translation>tòa soạn</translation>
    </message>
    <message>
        <source>Returned by the desk (%1, %2): %3</source>
        <translation>Tòa soạn trả lại (%1, %2): %3</translation>
    </message>
    <message>
        <source>Send to the desk</source>
        <translation>Gửi về tòa soạn</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>Newsroom:</source>
        <translation>Tòa soạn:</translation>
    </message>
    <message>
        <source>A note for the desk (optional): what is urgent, sources…</source>
        <translation>Lời nhắn cho tòa soạn (không bắt buộc): tin gấp, nguồn tin…</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Lời nhắn:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Return to the reporter</source>
        <translation>Trả lại phóng viên</translation>
    </message>
    <message>
        <source>Why does “%1” go back to the reporter?</source>
        <translation>Vì sao trả lại bài “%1” cho phóng viên?</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>No newsroom yet: add one under Publish → Targets (kind “newsroom”, the address of the newsroom&apos;s PostgreSQL store)</source>
        <translation>Chưa có tòa soạn nào: hãy thêm trong Đăng bài → Nơi đăng (loại “newsroom”, địa chỉ kho PostgreSQL của tòa soạn)</translation>
    </message>
    <message>
        <source>Sending to the desk…</source>
        <translation>Đang gửi về tòa soạn…</translation>
    </message>
    <message>
        <source>Sent to the desk %1.</source>
        <translation>Đã gửi về tòa soạn %1.</translation>
    </message>
    <message>
        <source>No connection to the newsroom now (%1). The article waits in the outbox and goes out by itself when the connection is back.</source>
        <translation>Hiện chưa kết nối được với tòa soạn (%1). Bài nằm chờ trong hộp thư đi và sẽ tự gửi khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>The desk changed this article after your last send; nothing was overwritten. See the outbox to compare both versions.</source>
        <translation>Tòa soạn đã sửa bài này sau lần gửi trước của bạn; không có gì bị ghi đè. Mở hộp thư đi để so sánh hai bản.</translation>
    </message>
    <message>
        <source>Send to the desk…</source>
        <translation>Gửi về tòa soạn…</translation>
    </message>
    <message>
        <source>Return to the reporter…</source>
        <translation>Trả lại phóng viên…</translation>
    </message>
</context>
<context>
    <name>EditorWiring</name>
    <message>
        <source>Lead length limit</source>
        <translation>Giới hạn độ dài sapo</translation>
    </message>
    <message>
        <source>Longest lead (sapo), in words:</source>
        <translation>Sapo dài nhất (số từ):</translation>
    </message>
    <message>
        <source>Lead length limit…</source>
        <translation>Giới hạn độ dài sapo…</translation>
    </message>
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
    <name>Errors</name>
    <message>
        <source>Unexpected error ({0}); the details are in the log</source>
        <translation>Lỗi không lường trước ({0}); chi tiết có trong nhật ký</translation>
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
    <name>Help</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
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
    <name>IngestReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Báo cáo nhập ảnh</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>trùng lặp</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>{0} imported, {1} duplicates, {2} errors, {3} cancelled</source>
        <translation>{0} đã nhập, {1} trùng lặp, {2} lỗi, {3} đã hủy</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language of the interface</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>The new language applies at once: the window is rebuilt in it, with your open article and its unsaved text kept.</source>
        <translation>Ngôn ngữ mới có hiệu lực ngay: cửa sổ được dựng lại bằng ngôn ngữ đó, bài đang mở và phần chữ chưa lưu vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>LeaseBanner</name>
    <message>
        <source>Take over…</source>
        <translation>Giành quyền sửa…</translation>
    </message>
    <message>
        <source>Edit this article yourself; the other editor&apos;s window turns read-only</source>
        <translation>Tự sửa bài này; cửa sổ của người kia chuyển sang chỉ đọc</translation>
    </message>
    <message>
        <source>{name} is editing this article (on {host}, since {since}). You see it read-only; it follows their saves.</source>
        <translation>{name} đang sửa bài này (trên máy {host}, từ {since}). Bạn đang xem ở chế độ chỉ đọc; bài tự cập nhật theo những gì người đó lưu.</translation>
    </message>
    <message>
        <source>{name} took this article over; your window is read-only now. What you typed after their take-over was not saved.</source>
        <translation>{name} đã giành quyền sửa bài này; cửa sổ của bạn giờ chỉ đọc. Những gì bạn gõ sau lúc đó không được lưu.</translation>
    </message>
</context>
<context>
    <name>LeaseController</name>
    <message>
        <source>Take over the article</source>
        <translation>Giành quyền sửa bài</translation>
    </message>
    <message>
        <source>{name} will see that you took it over, and why. Reason:</source>
        <translation>{name} sẽ thấy bạn đã giành quyền sửa và vì sao. Lý do:</translation>
    </message>
</context>
<context>
    <name>LegacyImportDialog</name>
    <message>
        <source>Old Vietnamese font encoding</source>
        <translation>Bảng mã tiếng Việt cũ</translation>
    </message>
    <message>
        <source>{file} looks like the old {encoding} font encoding. Convert it to Unicode while importing?</source>
        <translation>Tệp {file} có vẻ được gõ bằng bảng mã cũ {encoding}. Chuyển sang Unicode khi nhập?</translation>
    </message>
    <message>
        <source>&amp;Convert to Unicode</source>
        <translation>&amp;Chuyển sang Unicode</translation>
    </message>
    <message>
        <source>Import &amp;as is</source>
        <translation>Nhập &amp;nguyên văn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Trước:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Sau:</translation>
    </message>
</context>
<context>
    <name>LegacyPasteBar</name>
    <message>
        <source>&amp;Convert to Unicode</source>
        <translation>&amp;Chuyển sang Unicode</translation>
    </message>
    <message>
        <source>&amp;Keep as is</source>
        <translation>&amp;Giữ nguyên</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Trước:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Sau:</translation>
    </message>
    <message>
        <source>The pasted text looks like the old {encoding} font encoding. Convert it to Unicode?</source>
        <translation>Đoạn văn vừa dán có vẻ được gõ bằng bảng mã cũ {encoding}. Chuyển sang Unicode?</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>All (not spiked)</source>
        <translation>Tất cả (trừ thùng rác)</translation>
    </message>
    <message>
        <source>Changed since publishing</source>
        <translation>Đã sửa sau khi đăng</translation>
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
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>changed since publishing</source>
        <translation>đã sửa sau khi đăng</translation>
    </message>
    <message>
        <source>Returned by the desk</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <source>sent to the desk</source>
        <translation>đã gửi về tòa soạn</translation>
    </message>
    <message>
        <source>{name} is editing (on {host}, since {since})</source>
        <translation>{name} đang sửa (trên máy {host}, từ {since})</translation>
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
    <name>MePage</name>
    <message>
        <source>Your name</source>
        <translation>Tên của bạn</translation>
    </message>
    <message>
        <source>Byline of new articles</source>
        <translation>Bút danh cho bài mới</translation>
    </message>
    <message>
        <source>Photo credit</source>
        <translation>Nguồn ảnh</translation>
    </message>
    <message>
        <source>Your name is recorded on every change you make (workflow moves, revisions, the location choice of a photo).</source>
        <translation>Tên của bạn được ghi lại ở mọi thay đổi bạn làm (chuyển trạng thái bài, phiên bản, lựa chọn giữ vị trí của ảnh).</translation>
    </message>
    <message>
        <source>Your photo credit goes to every photo you import or caption that has no credit of its own, and is {credit} in caption templates.</source>
        <translation>Nguồn ảnh của bạn được ghi vào mọi ảnh bạn nhập hoặc viết chú thích mà chưa có nguồn ảnh riêng, và là {credit} trong mẫu chú thích.</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Cá nhân</translation>
    </message>
</context>
<context>
    <name>OpenFiles</name>
    <message>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>No such file: {0}</source>
        <translation>Không có tệp: {0}</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Queued</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Chờ gửi lại</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Nơi đăng</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Link or error</source>
        <translation>Liên kết hoặc lỗi</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Hộp thư đi</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Gửi lại</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Hủy việc</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
</context>
<context>
    <name>PassphrasePrompt</name>
    <message>
        <source>Password file</source>
        <translation>Tệp mật khẩu</translation>
    </message>
    <message>
        <source>This computer has no system keyring. qk3editor will keep the passwords of your portals in an encrypted file.
Choose a passphrase for it:</source>
        <translation>Máy tính này không có kho khóa của hệ thống. qk3editor sẽ giữ mật khẩu các cổng đăng bài của bạn trong một tệp đã mã hóa.
Hãy chọn cụm mật khẩu cho tệp đó:</translation>
    </message>
    <message>
        <source>Type the passphrase again:</source>
        <translation>Gõ lại cụm mật khẩu:</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Hai cụm mật khẩu không khớp nhau.</translation>
    </message>
    <message>
        <source>The passphrase of the encrypted password file:</source>
        <translation>Cụm mật khẩu của tệp mật khẩu đã mã hóa:</translation>
    </message>
</context>
<context>
    <name>PhotoBadges</name>
    <message>
        <source>no caption</source>
        <translation>chưa có chú thích</translation>
    </message>
    <message>
        <source>no credit</source>
        <translation>chưa ghi nguồn ảnh</translation>
    </message>
    <message>
        <source>location present</source>
        <translation>có vị trí chụp</translation>
    </message>
    <message>
        <source>location kept by choice</source>
        <translation>giữ vị trí theo lựa chọn</translation>
    </message>
    <message>
        <source>not yet written to the file</source>
        <translation>chưa ghi vào tệp</translation>
    </message>
    <message>
        <source>caption only in the store (HEIC)</source>
        <translation>chú thích chỉ lưu trong kho (HEIC)</translation>
    </message>
</context>
<context>
    <name>PhotoDesk</name>
    <message>
        <source>&amp;Photos</source>
        <translation>Ả&amp;nh</translation>
    </message>
    <message>
        <source>Photo &amp;desk</source>
        <translation>&amp;Bàn ảnh</translation>
    </message>
    <message>
        <source>&amp;Import photos...</source>
        <translation>&amp;Nhập ảnh...</translation>
    </message>
    <message>
        <source>Insert &amp;photo...</source>
        <translation>Chèn ả&amp;nh...</translation>
    </message>
    <message>
        <source>Photos of this &amp;article...</source>
        <translation>Ảnh của &amp;bài này...</translation>
    </message>
</context>
<context>
    <name>PhotoDeskController</name>
    <message>
        <source>Location kept on the web by {0} on {1}</source>
        <translation>Giữ vị trí trên web: {0}, lúc {1}</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>Nhập ảnh</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif);;All files (*)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Caption template</source>
        <translation>Mẫu chú thích</translation>
    </message>
    <message>
        <source>Templates (*.yaml *.yml)</source>
        <translation>Mẫu (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Codes file</source>
        <translation>Tệp mã viết tắt</translation>
    </message>
    <message>
        <source>Codes (*.tsv *.txt)</source>
        <translation>Mã viết tắt (*.tsv *.txt)</translation>
    </message>
    <message>
        <source>Export for web</source>
        <translation>Xuất cho web</translation>
    </message>
    <message numerus="yes">
        <source>%n web copies written</source>
        <translation>
            <numerusform>Đã ghi %n bản sao cho web</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose whether the web copies of the selected photos keep their location</source>
        <translation>Chọn bản sao cho web của các ảnh đã chọn có giữ vị trí chụp hay không</translation>
    </message>
    <message>
        <source>Web copies never keep a location (Preferences › Photos › Location in web photos)</source>
        <translation>Bản sao cho web không bao giờ giữ vị trí chụp (Cài đặt › Ảnh › Vị trí trong ảnh lên web)</translation>
    </message>
    <message>
        <source>Publish the selected photos WITH the place where they were taken?</source>
        <translation>Đăng các ảnh đã chọn KÈM nơi chụp?</translation>
    </message>
    <message>
        <source>Remove the location from the web copies of the selected photos again?</source>
        <translation>Bỏ lại vị trí khỏi bản sao cho web của các ảnh đã chọn?</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Vị trí</translation>
    </message>
</context>
<context>
    <name>PhotoDeskView</name>
    <message>
        <source>Photo desk</source>
        <translation>Bàn ảnh</translation>
    </message>
    <message>
        <source>Filter: caption, keyword, city, file name</source>
        <translation>Lọc: chú thích, từ khóa, thành phố, tên tệp</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>Tất cả ảnh</translation>
    </message>
    <message>
        <source>No caption</source>
        <translation>Chưa có chú thích</translation>
    </message>
    <message>
        <source>No credit</source>
        <translation>Chưa có nguồn ảnh</translation>
    </message>
    <message>
        <source>GPS present</source>
        <translation>Có GPS</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Cũ nhất trước</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Import photos...</source>
        <translation>Nhập ảnh...</translation>
    </message>
    <message>
        <source>Export for web...</source>
        <translation>Xuất cho web...</translation>
    </message>
    <message>
        <source>Location...</source>
        <translation>Vị trí...</translation>
    </message>
    <message>
        <source>Choose whether the web copies of the selected photos keep their location</source>
        <translation>Chọn bản sao cho web của các ảnh đã chọn có giữ vị trí chụp hay không</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Lưới</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Insert photo</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>Filter: caption, keyword, city, file name</source>
        <translation>Lọc: chú thích, từ khóa, thành phố, tên tệp</translation>
    </message>
</context>
<context>
    <name>PhotoTableModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Ngày chụp</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Nguồn ảnh</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Web photos: long edge</source>
        <translation>Ảnh lên web: cạnh dài</translation>
    </message>
    <message>
        <source>Web photos: JPEG quality</source>
        <translation>Ảnh lên web: chất lượng JPEG</translation>
    </message>
    <message>
        <source>Caption codes file</source>
        <translation>Tệp mã chú thích</translation>
    </message>
    <message>
        <source>Always remove it (recommended)</source>
        <translation>Luôn xóa bỏ (nên dùng)</translation>
    </message>
    <message>
        <source>Keep it where a person chose to, photo by photo</source>
        <translation>Giữ lại ở những ảnh có người đã chọn giữ, từng ảnh một</translation>
    </message>
    <message>
        <source>Location in web photos</source>
        <translation>Vị trí trong ảnh lên web</translation>
    </message>
    <message>
        <source>Location: web photos never carry GPS or place fields unless a person chose to keep them for that photo (photo desk › Location…, or qk3editor photos location), and only while this is set to keep them photo by photo.</source>
        <translation>Vị trí: ảnh lên web không bao giờ mang GPS hay thông tin địa điểm, trừ khi có người đã chọn giữ lại cho ảnh đó (bàn ảnh › Vị trí…, hoặc lệnh qk3editor photos location), và chỉ khi mục này đang đặt là giữ lại từng ảnh một.</translation>
    </message>
    <message>
        <source>Caption templates use {date} {city} {creator} {credit} {filename} {seq}; codes such as =thai= expand as you type. A codes file has one code and its text per line, separated by a tab.</source>
        <translation>Mẫu chú thích dùng {date} {city} {creator} {credit} {filename} {seq}; các mã như =thai= được thay ngay khi gõ. Tệp mã có mỗi dòng một mã và nội dung của nó, cách nhau bằng một dấu tab.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Codes (*.tsv *.txt);;All (*)</source>
        <translation>Tệp mã (*.tsv *.txt);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>PortalsPage</name>
    <message>
        <source>Portals</source>
        <translation>Cổng đăng bài</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Cài đặt</translation>
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
    <name>PreviewController</name>
    <message>
        <source>The preview could not be updated ({error})</source>
        <translation>Không cập nhật được bản xem trước ({error})</translation>
    </message>
</context>
<context>
    <name>PreviewTargetBar</name>
    <message>
        <source>The preview shows the article as this target&apos;s portal prints it</source>
        <translation>Bản xem trước hiển thị bài viết đúng như cổng của nơi đăng này in ra</translation>
    </message>
    <message>
        <source>Preview as</source>
        <translation>Xem theo nơi đăng</translation>
    </message>
</context>
<context>
    <name>Publish</name>
    <message>
        <source>Connecting</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Web rendition</source>
        <translation>Tạo ảnh cho web</translation>
    </message>
    <message>
        <source>Photo upload</source>
        <translation>Tải ảnh lên</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Đăng ngay</translation>
    </message>
    <message>
        <source>Draft on the site</source>
        <translation>Bản nháp trên trang</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Hẹn giờ đăng</translation>
    </message>
    <message>
        <source>The article could not be saved, so it was not published</source>
        <translation>Không lưu được bài nên bài chưa được đăng</translation>
    </message>
    <message>
        <source>No publish target yet: add one under Publish → Targets</source>
        <translation>Chưa có nơi đăng: hãy thêm trong Đăng bài → Nơi đăng</translation>
    </message>
    <message>
        <source>Cannot publish yet</source>
        <translation>Chưa thể đăng</translation>
    </message>
    <message>
        <source>Sending a draft for the preview…</source>
        <translation>Đang gửi bản nháp để xem trước…</translation>
    </message>
    <message>
        <source>Preview on the portal: %1</source>
        <translation>Xem trên cổng: %1</translation>
    </message>
    <message>
        <source>The preflight found blocking items: fix them, or tick “Publish anyway”.</source>
        <translation>Kiểm tra trước khi đăng còn mục chặn: hãy sửa, hoặc đánh dấu “Vẫn đăng”.</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Đã đăng: %1</translation>
    </message>
    <message>
        <source>Edited on the server: nothing was overwritten</source>
        <translation>Bài đã được sửa trên máy chủ: không có gì bị ghi đè</translation>
    </message>
    <message>
        <source>Not sent yet (step: %1): %2. It stays in the outbox and goes out when the site answers.</source>
        <translation>Chưa gửi được (bước: %1): %2. Bài nằm trong hộp thư đi và sẽ được gửi khi trang trả lời.</translation>
    </message>
    <message>
        <source>Publishing failed at step %1: %2</source>
        <translation>Đăng bài không thành công ở bước %1: %2</translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation>Đăng bài không thành công: %1</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>Đăng &amp;bài</translation>
    </message>
    <message>
        <source>Publish article…</source>
        <translation>Đăng bài viết…</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>Nơi đăng…</translation>
    </message>
    <message>
        <source>Outbox…</source>
        <translation>Hộp thư đi…</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Đăng bài</translation>
    </message>
    <message>
        <source>Time (Vietnam)</source>
        <translation>Thời điểm (giờ Việt Nam)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Nơi đăng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Date readers see</source>
        <translation>Ngày bạn đọc thấy</translation>
    </message>
    <message>
        <source>Photo: %1</source>
        <translation>Ảnh: %1</translation>
    </message>
    <message>
        <source>Publish anyway (recorded with your name)</source>
        <translation>Vẫn đăng (ghi lại tên người đăng)</translation>
    </message>
    <message>
        <source>Preview on the portal</source>
        <translation>Xem trên cổng</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Kiểm tra trước khi đăng</translation>
    </message>
    <message>
        <source>The scheduled time has already passed: choose a time in the future</source>
        <translation>Thời điểm hẹn giờ đã qua: hãy chọn một thời điểm trong tương lai</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>K&amp;hông với tất cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>no role</source>
        <translation>chưa có vai trò</translation>
    </message>
    <message>
        <source>Newsroom: {login} ({role})</source>
        <translation>Tòa soạn: {login} ({role})</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search (dan van finds dân vận)</source>
        <translation>Tìm kiếm (gõ dan van cũng tìm ra dân vận)</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kho dữ liệu</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Another store is opened with --store PATH|URL (a SQLite file, or a shared PostgreSQL server).</source>
        <translation>Mở một kho khác bằng --store ĐƯỜNG_DẪN|URL (một tệp SQLite, hoặc máy chủ PostgreSQL dùng chung).</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Publish targets</source>
        <translation>Nơi đăng bài</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>Portal (ninjs push)</source>
        <translation>Cổng thông tin (ninjs push)</translation>
    </message>
    <message>
        <source>Newsroom (send to the desk)</source>
        <translation>Tòa soạn (gửi bài về tòa soạn)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Password (Application Password)</source>
        <translation>Mật khẩu (Application Password)</translation>
    </message>
    <message>
        <source>Bold first paragraph and excerpt</source>
        <translation>Đoạn đầu in đậm và phần tóm tắt</translation>
    </message>
    <message>
        <source>Bold first paragraph only</source>
        <translation>Chỉ đoạn đầu in đậm</translation>
    </message>
    <message>
        <source>Excerpt only (the theme prints it)</source>
        <translation>Chỉ phần tóm tắt (giao diện tự in)</translation>
    </message>
    <message>
        <source>First figure with caption (not the featured image)</source>
        <translation>Ảnh đầu bài kèm chú thích (không đặt làm ảnh đại diện)</translation>
    </message>
    <message>
        <source>Featured image and first figure with caption</source>
        <translation>Ảnh đại diện và ảnh đầu bài kèm chú thích</translation>
    </message>
    <message>
        <source>Featured image only (the theme shows its caption)</source>
        <translation>Chỉ ảnh đại diện (giao diện tự in chú thích)</translation>
    </message>
    <message>
        <source>Lead on the portal</source>
        <translation>Sapo trên cổng</translation>
    </message>
    <message>
        <source>Featured photo on the portal</source>
        <translation>Ảnh đại diện trên cổng</translation>
    </message>
    <message>
        <source>Save portal profile</source>
        <translation>Lưu cách hiển thị trên cổng</translation>
    </message>
    <message>
        <source>Check the login before saving</source>
        <translation>Thử đăng nhập trước khi lưu</translation>
    </message>
    <message>
        <source>Untick to add a target while offline</source>
        <translation>Bỏ chọn để thêm nơi đăng khi đang không có mạng</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Lưu thay đổi</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Fill in a test portal on this computer</source>
        <translation>Điền sẵn một cổng thử trên máy này</translation>
    </message>
    <message>
        <source>Starts the reference portal on 127.0.0.1, to try publishing without a server</source>
        <translation>Chạy cổng mẫu trên 127.0.0.1 để thử đăng bài khi chưa có máy chủ</translation>
    </message>
    <message>
        <source>Publish targets</source>
        <translation>Nơi đăng bài</translation>
    </message>
    <message>
        <source>The test portal cannot start: %1</source>
        <translation>Không chạy được cổng thử: %1</translation>
    </message>
    <message>
        <source>test-portal</source>
        <translation>cong-thu</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>giữ nguyên</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>Không có kho khóa</translation>
    </message>
    <message>
        <source>This computer has no system keyring. qk3editor never writes passwords in plain text: it can keep them in a file encrypted with a passphrase of your choice, or only in memory until you quit.</source>
        <translation>Máy tính này không có kho khóa của hệ thống. qk3editor không bao giờ ghi mật khẩu dạng văn bản thường: có thể giữ mật khẩu trong một tệp được mã hóa bằng cụm mật khẩu do bạn chọn, hoặc chỉ giữ trong bộ nhớ đến khi bạn thoát.</translation>
    </message>
    <message>
        <source>Keep it in an encrypted file…</source>
        <translation>Giữ trong tệp đã mã hóa…</translation>
    </message>
    <message>
        <source>Keep it until I quit</source>
        <translation>Chỉ giữ đến khi tôi thoát</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>The site names its WordPress API at another address:
%1

Send the password to this address from now on? Choose No unless you know the site is served from there.</source>
        <translation>Trang này chỉ tới API WordPress ở một địa chỉ khác:
%1

Từ nay gửi mật khẩu tới địa chỉ này? Hãy chọn Không, trừ khi bạn biết chắc trang được phục vụ từ địa chỉ đó.</translation>
    </message>
    <message>
        <source>The login works: %1</source>
        <translation>Đăng nhập được: %1</translation>
    </message>
</context>
<context>
    <name>TextPage</name>
    <message>
        <source>Old style (hòa, thủy)</source>
        <translation>Kiểu cũ (hòa, thủy)</translation>
    </message>
    <message>
        <source>New style (hoà, thuỷ)</source>
        <translation>Kiểu mới (hoà, thuỷ)</translation>
    </message>
    <message>
        <source> words</source>
        <translation> từ</translation>
    </message>
    <message>
        <source>Underline findings as I type</source>
        <translation>Gạch chân lỗi ngay khi gõ</translation>
    </message>
    <message>
        <source>House tone style</source>
        <translation>Kiểu đặt dấu của tòa soạn</translation>
    </message>
    <message>
        <source>Longest lead (sapo)</source>
        <translation>Sapo dài nhất</translation>
    </message>
    <message>
        <source>Vietnamese checks</source>
        <translation>Kiểm tra tiếng Việt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
</context>
<context>
    <name>ToneStyleDialog</name>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Make the tone style consistent</source>
        <translation>Thống nhất kiểu đặt dấu thanh</translation>
    </message>
    <message>
        <source>hòa, thủy, khỏe (old style)</source>
        <translation>hòa, thủy, khỏe (kiểu cũ)</translation>
    </message>
    <message>
        <source>hoà, thuỷ, khoẻ (new style)</source>
        <translation>hoà, thuỷ, khoẻ (kiểu mới)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Phần</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Ngữ cảnh</translation>
    </message>
    <message>
        <source>Write every word in this style:</source>
        <translation>Viết mọi từ theo kiểu:</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n thay đổi</numerusform>
        </translation>
    </message>
    <message>
        <source>Caption of photo %1 (%2)</source>
        <translation>Chú thích ảnh %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to qk3editor</source>
        <translation>Chào mừng đến với qk3editor</translation>
    </message>
    <message>
        <source>The store is empty. Write a first article, bring one in from Word or a markdown file, import the photos of a shoot, or add the portal you publish to.</source>
        <translation>Kho dữ liệu còn trống. Hãy viết bài đầu tiên, đưa một bài vào từ tệp Word hoặc markdown, nhập ảnh của một buổi chụp, hoặc thêm cổng thông tin nơi bạn đăng bài.</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Bài viết mới</translation>
    </message>
    <message>
        <source>A draft, saved as you type (%1)</source>
        <translation>Một bản nháp, được lưu ngay khi bạn gõ (%1)</translation>
    </message>
    <message>
        <source>Import a Word or markdown file…</source>
        <translation>Nhập tệp Word hoặc markdown…</translation>
    </message>
    <message>
        <source>.docx, .md, .txt, .html; Word images are kept</source>
        <translation>.docx, .md, .txt, .html; giữ nguyên ảnh trong tệp Word</translation>
    </message>
    <message>
        <source>Import photos…</source>
        <translation>Nhập ảnh…</translation>
    </message>
    <message>
        <source>From files, a folder or a camera card, into the photo desk</source>
        <translation>Từ tệp, thư mục hoặc thẻ nhớ máy ảnh, vào bàn ảnh</translation>
    </message>
    <message>
        <source>Add a portal…</source>
        <translation>Thêm cổng đăng bài…</translation>
    </message>
    <message>
        <source>A WordPress site or a ninjs portal; the login is checked</source>
        <translation>Trang WordPress hoặc cổng ninjs; đăng nhập được kiểm tra ngay</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Mở hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>How qk3editor works, step by step</source>
        <translation>Cách dùng qk3editor, từng bước một</translation>
    </message>
</context>
<context>
    <name>WordCountLabel</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n từ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>cách dùng: </translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>tham số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>tham số theo vị trí</translation>
    </message>
    <message>
        <source>options</source>
        <translation>tùy chọn</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>hiện hướng dẫn này rồi thoát</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>không hiểu các tham số: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>không dùng được cùng tham số %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>tham số %r bị bỏ qua</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>còn thiếu các tham số bắt buộc: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>cần một trong các tham số %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>cần đúng một giá trị</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>chỉ nhận nhiều nhất một giá trị</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>cần ít nhất một giá trị</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>cần %s giá trị</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>cần %s giá trị</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>tùy chọn %(option)s chưa rõ: có thể là %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>tùy chọn không mong đợi: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>không mở được &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: lỗi: %(message)s
</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>“{word}” is not a Vietnamese syllable</source>
        <translation>“{word}” không phải là âm tiết tiếng Việt</translation>
    </message>
    <message>
        <source>Tone mark in the wrong place: “{word}” → “{fix}”</source>
        <translation>Dấu thanh đặt sai chỗ: “{word}” → “{fix}”</translation>
    </message>
    <message>
        <source>Unconverted Telex typing? “{word}” → “{fix}”</source>
        <translation>Gõ Telex chưa chuyển thành chữ? “{word}” → “{fix}”</translation>
    </message>
    <message>
        <source>Tone marks in two styles in one text (hòa/thủy and hoà/thuỷ): “{word}”</source>
        <translation>Dấu thanh theo hai kiểu trong cùng một bài (hòa/thủy và hoà/thuỷ): “{word}”</translation>
    </message>
    <message>
        <source>Not in the house tone style: “{word}” → “{fix}”</source>
        <translation>Không theo kiểu đặt dấu của tòa soạn: “{word}” → “{fix}”</translation>
    </message>
    <message>
        <source>Probably “{fix}”, not “{word}”</source>
        <translation>Có lẽ là “{fix}”, không phải “{word}”</translation>
    </message>
    <message>
        <source>House spelling is “{fix}”, not “{word}”</source>
        <translation>Tòa soạn viết là “{fix}”, không phải “{word}”</translation>
    </message>
    <message>
        <source>House capitalisation is “{fix}”, not “{word}”</source>
        <translation>Tòa soạn viết hoa là “{fix}”, không phải “{word}”</translation>
    </message>
    <message>
        <source>This paragraph looks like {encoding} text; convert it to Unicode?</source>
        <translation>Đoạn này có vẻ là văn bản mã {encoding}; chuyển sang Unicode?</translation>
    </message>
    <message>
        <source>Two tone marks on one letter: “{text}”</source>
        <translation>Hai dấu thanh trên một chữ: “{text}”</translation>
    </message>
    <message>
        <source>A tone mark on a consonant: “{text}”</source>
        <translation>Dấu thanh trên phụ âm: “{text}”</translation>
    </message>
    <message>
        <source>“{text}” imitates đ with a combining stroke</source>
        <translation>“{text}” giả chữ đ bằng dấu gạch ghép</translation>
    </message>
    <message>
        <source>A combining mark that forms no letter: “{text}”</source>
        <translation>Dấu ghép không tạo thành chữ nào: “{text}”</translation>
    </message>
    <message>
        <source>An invisible character joined two words here: “{text}”; a space is missing?</source>
        <translation>Một ký tự vô hình đã nối hai từ ở đây: “{text}”; thiếu dấu cách?</translation>
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
        <source>make a new store at --store if there is none</source>
        <translation>tạo kho mới tại --store nếu chưa có</translation>
    </message>
    <message>
        <source>language (vi or en)</source>
        <translation>ngôn ngữ (vi hoặc en)</translation>
    </message>
    <message>
        <source>print the version, the build, Qt and exiv2</source>
        <translation>in phiên bản, bản dựng, phiên bản Qt và exiv2</translation>
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
        <source>change an article</source>
        <translation>sửa một bài viết</translation>
    </message>
    <message>
        <source>a file with the body (- for stdin)</source>
        <translation>tệp chứa thân bài (- để đọc từ đầu vào chuẩn)</translation>
    </message>
    <message>
        <source>the tags, separated by commas</source>
        <translation>các thẻ, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>move the article in the workflow</source>
        <translation>chuyển trạng thái bài viết trong quy trình</translation>
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
        <source>the article&apos;s id</source>
        <translation>mã bài viết</translation>
    </message>
    <message>
        <source>import files as new articles</source>
        <translation>nhập các tệp thành bài viết mới</translation>
    </message>
    <message>
        <source>the files to import</source>
        <translation>các tệp cần nhập</translation>
    </message>
    <message>
        <source>convert files in TCVN3 (ABC) or VNI-Windows to Unicode</source>
        <translation>chuyển tệp gõ bằng bảng mã TCVN3 (ABC) hoặc VNI-Windows sang Unicode</translation>
    </message>
    <message>
        <source>import files that look like TCVN3/VNI as they are</source>
        <translation>nhập nguyên văn các tệp có vẻ là TCVN3/VNI</translation>
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
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>{done} of {total} files were imported (their ids are printed above); import the other files again</source>
        <translation>đã nhập {done}/{total} tệp (mã bài in ở trên); hãy nhập lại các tệp còn lại</translation>
    </message>
    <message>
        <source>publish targets</source>
        <translation>nơi đăng bài</translation>
    </message>
    <message>
        <source>add a publish target</source>
        <translation>thêm nơi đăng bài</translation>
    </message>
    <message>
        <source>the kind of site (newsroom: the desk&apos;s shared PostgreSQL store, --url postgresql+psycopg://USER@HOST:PORT/DB)</source>
        <translation>loại trang (newsroom: kho PostgreSQL dùng chung của tòa soạn, --url postgresql+psycopg://NGƯỜI_DÙNG@MÁY:CỔNG/CSDL)</translation>
    </message>
    <message>
        <source>the site address</source>
        <translation>địa chỉ trang</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>tên người dùng</translation>
    </message>
    <message>
        <source>extra CA certificates (PEM) to trust</source>
        <translation>chứng chỉ CA bổ sung (PEM) được tin cậy</translation>
    </message>
    <message>
        <source>confirm a WordPress API root on another address</source>
        <translation>xác nhận địa chỉ API WordPress nằm ở địa chỉ khác</translation>
    </message>
    <message>
        <source>a short name for the target</source>
        <translation>tên ngắn của nơi đăng</translation>
    </message>
    <message>
        <source>change a publish target</source>
        <translation>sửa một nơi đăng bài</translation>
    </message>
    <message>
        <source>the target&apos;s name</source>
        <translation>tên nơi đăng</translation>
    </message>
    <message>
        <source>publish an article to a target</source>
        <translation>đăng một bài lên nơi đăng</translation>
    </message>
    <message>
        <source>how the article appears on the site</source>
        <translation>bài hiện trên trang ra sao</translation>
    </message>
    <message>
        <source>when (ISO 8601 with a time zone)</source>
        <translation>thời điểm (ISO 8601 có múi giờ)</translation>
    </message>
    <message>
        <source>a photo to publish with the article</source>
        <translation>ảnh đăng kèm bài</translation>
    </message>
    <message>
        <source>only put the job in the outbox</source>
        <translation>chỉ đưa việc vào hộp thư đi</translation>
    </message>
    <message>
        <source>publish despite blocking preflight findings (recorded)</source>
        <translation>vẫn đăng dù kiểm tra trước khi đăng còn mục chặn (có ghi lại)</translation>
    </message>
    <message>
        <source>send a draft and print the portal&apos;s own preview link (nothing goes public)</source>
        <translation>gửi bản nháp và in đường dẫn xem trước của cổng (không có gì được công khai)</translation>
    </message>
    <message>
        <source>a note for the desk (a send to a newsroom target)</source>
        <translation>lời nhắn cho tòa soạn (khi gửi tới nơi đăng loại newsroom)</translation>
    </message>
    <message>
        <source>the publish jobs</source>
        <translation>các việc đăng bài</translation>
    </message>
    <message>
        <source>send a job again</source>
        <translation>gửi lại một lệnh đăng</translation>
    </message>
    <message>
        <source>cancel a job</source>
        <translation>hủy một lệnh đăng</translation>
    </message>
    <message>
        <source>send the waiting jobs now</source>
        <translation>gửi ngay các việc đang chờ</translation>
    </message>
    <message>
        <source>run the reference portal on 127.0.0.1</source>
        <translation>chạy cổng thông tin mẫu trên 127.0.0.1</translation>
    </message>
    <message>
        <source>the port to listen on</source>
        <translation>cổng lắng nghe</translation>
    </message>
    <message>
        <source>where the portal keeps articles</source>
        <translation>thư mục cổng lưu bài</translation>
    </message>
    <message>
        <source>the accepted key name</source>
        <translation>tên khóa được chấp nhận</translation>
    </message>
    <message>
        <source>read the password from standard input (one line)</source>
        <translation>đọc mật khẩu từ đầu vào chuẩn (một dòng)</translation>
    </message>
    <message>
        <source>set a new password (asked for, or read with --password-stdin)</source>
        <translation>đặt mật khẩu mới (được hỏi, hoặc đọc bằng --password-stdin)</translation>
    </message>
    <message>
        <source>save without trying to log in (offline)</source>
        <translation>lưu mà không thử đăng nhập (khi không có mạng)</translation>
    </message>
    <message>
        <source>qk3editor: warning: {detail}</source>
        <translation>qk3editor: cảnh báo: {detail}</translation>
    </message>
    <message>
        <source>There is no system keyring: qk3editor keeps passwords in an encrypted file. Choose a passphrase for it (asked once per session).</source>
        <translation>Không có kho khóa của hệ thống: qk3editor giữ mật khẩu trong một tệp đã mã hóa. Hãy chọn cụm mật khẩu cho tệp đó (mỗi phiên chỉ hỏi một lần).</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>Cụm mật khẩu mới: </translation>
    </message>
    <message>
        <source>The passphrase again: </source>
        <translation>Gõ lại cụm mật khẩu: </translation>
    </message>
    <message>
        <source>The two passphrases differ or are empty.</source>
        <translation>Hai cụm mật khẩu không khớp nhau hoặc để trống.</translation>
    </message>
    <message>
        <source>Passphrase of the password file: </source>
        <translation>Cụm mật khẩu của tệp mật khẩu: </translation>
    </message>
    <message>
        <source>Wrong passphrase, try again.</source>
        <translation>Sai cụm mật khẩu, hãy gõ lại.</translation>
    </message>
    <message>
        <source>Password (Application Password): </source>
        <translation>Mật khẩu (Application Password): </translation>
    </message>
    <message>
        <source>an empty password</source>
        <translation>mật khẩu trống</translation>
    </message>
    <message>
        <source>how the portal prints an article: where the lead goes and whether the featured photo is also the first captioned figure</source>
        <translation>cách cổng hiển thị bài: sapo đặt ở đâu và ảnh đại diện có đồng thời là ảnh đầu bài kèm chú thích hay không</translation>
    </message>
    <message>
        <source>There is no keyring here, so the password of {name} was not saved; give it with --password-stdin to each command that needs it</source>
        <translation>Máy này không có kho khóa nên mật khẩu của {name} không được lưu; hãy đưa mật khẩu bằng --password-stdin cho mỗi lệnh cần đến</translation>
    </message>
    <message>
        <source>Target {name} added ({kind}, {url})</source>
        <translation>Đã thêm nơi đăng {name} ({kind}, {url})</translation>
    </message>
    <message>
        <source>Target {name} changed ({kind}, {url}, {user})</source>
        <translation>Đã sửa nơi đăng {name} ({kind}, {url}, {user})</translation>
    </message>
    <message>
        <source>API root {root} confirmed for target {name}</source>
        <translation>Đã xác nhận địa chỉ API {root} cho nơi đăng {name}</translation>
    </message>
    <message>
        <source>Login works: {user}</source>
        <translation>Đăng nhập được: {user}</translation>
    </message>
    <message>
        <source>Target {name} removed</source>
        <translation>Đã xóa nơi đăng {name}</translation>
    </message>
    <message>
        <source>--at needs a time zone (e.g. +07:00)</source>
        <translation>--at cần có múi giờ (ví dụ +07:00)</translation>
    </message>
    <message>
        <source>Not published: {count} blocking item(s):</source>
        <translation>Chưa đăng: còn {count} mục chặn:</translation>
    </message>
    <message>
        <source>Fix them, or publish anyway with --force.</source>
        <translation>Hãy sửa các mục này, hoặc vẫn đăng bằng --force.</translation>
    </message>
    <message>
        <source>Published despite {count} blocking item(s) (--force, by {who}):</source>
        <translation>Vẫn đăng dù còn {count} mục chặn (--force, người đăng: {who}):</translation>
    </message>
    <message>
        <source>Job {id} is in the outbox</source>
        <translation>Việc {id} đã vào hộp thư đi</translation>
    </message>
    <message>
        <source>Interrupted: job {id} waits in the outbox; &apos;qk3editor outbox --retry {id}&apos; sends it (never twice)</source>
        <translation>Đã ngắt: tác vụ {id} chờ trong hộp thư đi; lệnh &apos;qk3editor outbox --retry {id}&apos; sẽ gửi lại (không bao giờ đăng hai lần)</translation>
    </message>
    <message>
        <source>Preview on the portal: {link}</source>
        <translation>Xem trên cổng: {link}</translation>
    </message>
    <message>
        <source>the article was not published completely; job {id} stays in the outbox; to send it again: qk3editor outbox --retry {id}</source>
        <translation>bài chưa đăng xong; lệnh đăng {id} vẫn nằm trong hộp thư đi; để gửi lại: qk3editor outbox --retry {id}</translation>
    </message>
    <message>
        <source>Sent to the desk {target}: {title}</source>
        <translation>Đã gửi về tòa soạn {target}: {title}</translation>
    </message>
    <message>
        <source>Published: {link}</source>
        <translation>Đã đăng: {link}</translation>
    </message>
    <message>
        <source>Not sent yet ({reason}); job {id} waits in the outbox</source>
        <translation>Chưa gửi được ({reason}); việc {id} chờ trong hộp thư đi</translation>
    </message>
    <message>
        <source>Conflict: the article was edited on the server. Server title: {remote}; yours: {local}. See the outbox (job {id}).</source>
        <translation>Xung đột: bài đã được sửa trên máy chủ. Tiêu đề trên máy chủ: {remote}; của bạn: {local}. Xem hộp thư đi (việc {id}).</translation>
    </message>
    <message>
        <source>Publishing failed at step {step}: {reason} (job {id})</source>
        <translation>Đăng bài không thành công ở bước {step}: {reason} (việc {id})</translation>
    </message>
    <message>
        <source>Job {id} cancelled</source>
        <translation>Đã hủy việc {id}</translation>
    </message>
    <message>
        <source>the jobs not yet sent stay in the outbox; to send them: qk3editor outbox --run</source>
        <translation>các lệnh đăng chưa gửi vẫn nằm trong hộp thư đi; để gửi tiếp: qk3editor outbox --run</translation>
    </message>
    <message>
        <source>Reference portal on {url} (key {user}, secret in {where}); Ctrl+C stops it</source>
        <translation>Cổng thông tin mẫu tại {url} (khóa {user}, bí mật trong {where}); Ctrl+C để dừng</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>sapo</translation>
    </message>
    <message>
        <source>body</source>
        <translation>thân bài</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>tác giả</translation>
    </message>
    <message>
        <source>search articles (diacritics optional)</source>
        <translation>tìm bài viết (có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>the words to look for</source>
        <translation>các từ cần tìm</translation>
    </message>
    <message>
        <source>at most this many</source>
        <translation>nhiều nhất bấy nhiêu kết quả</translation>
    </message>
    <message>
        <source>also search the trash (marked as such)</source>
        <translation>tìm cả trong thùng rác (có đánh dấu)</translation>
    </message>
    <message>
        <source>check the Vietnamese of an article or file</source>
        <translation>kiểm tra tiếng Việt của một bài hoặc một tệp</translation>
    </message>
    <message>
        <source>an article&apos;s id or a text file</source>
        <translation>mã bài viết hoặc một tệp văn bản</translation>
    </message>
    <message>
        <source>text tools: read stdin, write stdout, line by line</source>
        <translation>công cụ văn bản: đọc stdin, ghi stdout, từng dòng</translation>
    </message>
    <message>
        <source>the tool to run</source>
        <translation>công cụ cần chạy</translation>
    </message>
    <message>
        <source>[trash]</source>
        <translation>[thùng rác]</translation>
    </message>
    <message>
        <source>qk3editor: the text does not look like TCVN3, VNI or VIQR</source>
        <translation>qk3editor: văn bản không giống bảng mã TCVN3, VNI hay VIQR</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>trùng lặp</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>the photo desk</source>
        <translation>bàn ảnh</translation>
    </message>
    <message>
        <source>import photos from files or folders</source>
        <translation>nhập ảnh từ tệp hoặc thư mục</translation>
    </message>
    <message>
        <source>files or folders</source>
        <translation>tệp hoặc thư mục</translation>
    </message>
    <message>
        <source>attach them to an article</source>
        <translation>gắn các ảnh vào một bài</translation>
    </message>
    <message>
        <source>list photos</source>
        <translation>liệt kê ảnh</translation>
    </message>
    <message>
        <source>only photos matching this text</source>
        <translation>chỉ các ảnh khớp với chữ này</translation>
    </message>
    <message>
        <source>caption photos (in their files)</source>
        <translation>ghi chú thích ảnh (vào tệp ảnh)</translation>
    </message>
    <message>
        <source>photo numbers</source>
        <translation>số của các ảnh</translation>
    </message>
    <message>
        <source>the headline</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>the caption (description)</source>
        <translation>chú thích (mô tả)</translation>
    </message>
    <message>
        <source>the credit line</source>
        <translation>dòng nguồn ảnh</translation>
    </message>
    <message>
        <source>a template file</source>
        <translation>một tệp mẫu</translation>
    </message>
    <message>
        <source>a codes file (TSV)</source>
        <translation>một tệp mã viết tắt (TSV)</translation>
    </message>
    <message>
        <source>keep or drop the location in the web copies</source>
        <translation>giữ hay bỏ vị trí chụp trong bản sao cho web</translation>
    </message>
    <message>
        <source>publish with the location</source>
        <translation>đăng kèm vị trí chụp</translation>
    </message>
    <message>
        <source>publish without the location</source>
        <translation>đăng không kèm vị trí chụp</translation>
    </message>
    <message>
        <source>make a photo the article&apos;s featured one</source>
        <translation>chọn ảnh đại diện cho bài viết</translation>
    </message>
    <message>
        <source>place a photo in an article&apos;s body</source>
        <translation>đặt ảnh vào thân bài</translation>
    </message>
    <message>
        <source>after paragraph N (0: first; default: at the end)</source>
        <translation>sau đoạn thứ N (0: lên đầu; mặc định: ở cuối)</translation>
    </message>
    <message>
        <source>the caption in this article</source>
        <translation>chú thích ảnh trong bài này</translation>
    </message>
    <message>
        <source>take a photo out of an article</source>
        <translation>gỡ ảnh khỏi bài viết</translation>
    </message>
    <message>
        <source>export web renditions</source>
        <translation>xuất bản sao cho web</translation>
    </message>
    <message>
        <source>web renditions</source>
        <translation>bản sao cho web</translation>
    </message>
    <message>
        <source>the folder</source>
        <translation>thư mục</translation>
    </message>
    <message>
        <source>use this article&apos;s captions</source>
        <translation>dùng chú thích của bài này</translation>
    </message>
    <message>
        <source>remove temp files of interrupted writes, read back captions newer than the store</source>
        <translation>xóa tệp tạm của các lần ghi bị ngắt, đọc lại chú thích mới hơn bản trong kho dữ liệu</translation>
    </message>
    <message>
        <source>read every photo&apos;s file, not only those changed since recorded</source>
        <translation>đọc tệp của mọi ảnh, không chỉ những tệp đã thay đổi từ lần ghi nhận trước</translation>
    </message>
    <message>
        <source>{done} of {total} files were read and none was stored yet; run the same command again to import them</source>
        <translation>đã đọc {done}/{total} tệp, chưa lưu ảnh nào; hãy chạy lại đúng lệnh này để nhập</translation>
    </message>
    <message>
        <source>{imported} imported, {duplicate} duplicates, {error} errors</source>
        <translation>{imported} đã nhập, {duplicate} trùng lặp, {error} lỗi</translation>
    </message>
    <message>
        <source>{imported} photos were imported, {left} files were not; run the same command again to import the rest (photos already imported are reported as duplicates)</source>
        <translation>đã nhập {imported} ảnh, còn {left} tệp chưa nhập; hãy chạy lại đúng lệnh này để nhập nốt (ảnh đã nhập sẽ được báo là trùng)</translation>
    </message>
    <message>
        <source>{done} of {total} photo files were written, but the store was not updated; run the same command again (it writes the same captions)</source>
        <translation>đã ghi {done}/{total} tệp ảnh nhưng kho chưa được cập nhật; hãy chạy lại đúng lệnh này (chú thích được ghi lại y như vậy)</translation>
    </message>
    <message>
        <source>captioned</source>
        <translation>đã ghi chú thích</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <source>location kept</source>
        <translation>giữ vị trí</translation>
    </message>
    <message>
        <source>location removed</source>
        <translation>bỏ vị trí</translation>
    </message>
    <message>
        <source>note: the location policy removes every location from web photos; the choice counts once it is &quot;per photo&quot; (Preferences › Photos)</source>
        <translation>lưu ý: chính sách vị trí đang xóa mọi vị trí khỏi ảnh lên web; lựa chọn này chỉ có hiệu lực khi chính sách là &quot;từng ảnh một&quot; (Cài đặt › Ảnh)</translation>
    </message>
    <message>
        <source>temp file removed</source>
        <translation>đã xóa tệp tạm</translation>
    </message>
    <message>
        <source>caption read back</source>
        <translation>đã đọc lại chú thích</translation>
    </message>
    <message>
        <source>caption written to the file</source>
        <translation>đã ghi chú thích vào tệp</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>thiếu tệp</translation>
    </message>
    <message>
        <source>{checked} files read, {read_back} captions read back, {removed} temp files removed, {missing} missing, {errors} errors</source>
        <translation>đã đọc {checked} tệp, đọc lại {read_back} chú thích, xóa {removed} tệp tạm, thiếu {missing} tệp, {errors} lỗi</translation>
    </message>
    <message>
        <source>featured</source>
        <translation>ảnh đại diện</translation>
    </message>
    <message>
        <source>check the store, list and restore backups</source>
        <translation>kiểm tra kho dữ liệu, xem và khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>check the store file now</source>
        <translation>kiểm tra tệp kho dữ liệu ngay bây giờ</translation>
    </message>
    <message>
        <source>list the store&apos;s backups</source>
        <translation>liệt kê các bản sao lưu của kho dữ liệu</translation>
    </message>
    <message>
        <source>put a backup in place of the store</source>
        <translation>thay kho dữ liệu bằng một bản sao lưu</translation>
    </message>
    <message>
        <source>the backup&apos;s name</source>
        <translation>tên bản sao lưu</translation>
    </message>
    <message>
        <source>copy this store (articles, revisions, photos with their originals, links, categories) into another store, e.g. the newsroom; a second run adds nothing twice</source>
        <translation>chép kho này (bài, các bản lưu, ảnh kèm tệp gốc, liên kết ảnh, chuyên mục) sang một kho khác, ví dụ kho của tòa soạn; chạy lại lần nữa không chép trùng</translation>
    </message>
    <message>
        <source>the other store: postgresql+psycopg://USER@HOST:PORT/DB or a file</source>
        <translation>kho đích: postgresql+psycopg://NGƯỜI_DÙNG@MÁY:CỔNG/CSDL hoặc một tệp</translation>
    </message>
    <message>
        <source>read the other store&apos;s password from standard input (one line)</source>
        <translation>đọc mật khẩu của kho đích từ đầu vào chuẩn (một dòng)</translation>
    </message>
    <message>
        <source>only a SQLite store file has these checks and backups</source>
        <translation>chỉ kho dữ liệu dạng tệp SQLite mới có phần kiểm tra và sao lưu này</translation>
    </message>
    <message>
        <source>{path}: no store yet</source>
        <translation>{path}: chưa có kho dữ liệu</translation>
    </message>
    <message>
        <source>{path}: the check found no damage</source>
        <translation>{path}: kiểm tra không thấy hư hỏng</translation>
    </message>
    <message>
        <source>read-only: {reason}</source>
        <translation>chỉ đọc: {reason}</translation>
    </message>
    <message>
        <source>There is no backup in {backups}</source>
        <translation>Không có bản sao lưu nào trong {backups}</translation>
    </message>
    <message>
        <source>{path} restored from {backup}</source>
        <translation>Đã khôi phục {path} từ {backup}</translation>
    </message>
    <message>
        <source>the previous file is kept as {kept}</source>
        <translation>tệp cũ được giữ lại tại {kept}</translation>
    </message>
    <message>
        <source>Copied to {to}: {added} new article(s), {updated} updated, {photos} photo(s) ({originals} original(s)), {revisions} revision(s), {links} photo link(s), {categories} categor(ies)</source>
        <translation>Đã chép sang {to}: {added} bài mới, {updated} bài cập nhật, {photos} ảnh ({originals} tệp gốc), {revisions} bản lưu, {links} liên kết ảnh, {categories} chuyên mục</translation>
    </message>
    <message>
        <source>{count} photo original(s) were not found on this machine: copied without</source>
        <translation>Không tìm thấy {count} tệp ảnh gốc trên máy này: ảnh được chép không kèm tệp gốc</translation>
    </message>
    <message>
        <source>qk3editor: warning: the log cannot be written ({reason})</source>
        <translation>qk3editor: cảnh báo: không ghi được nhật ký ({reason})</translation>
    </message>
    <message>
        <source>nothing was changed; run the same command again to do the work</source>
        <translation>chưa có gì thay đổi; hãy chạy lại đúng lệnh này để làm</translation>
    </message>
    <message>
        <source>qk3editor: stopped (Ctrl+C): {detail}</source>
        <translation>qk3editor: đã dừng (Ctrl+C): {detail}</translation>
    </message>
    <message>
        <source>who is editing which article</source>
        <translation>ai đang sửa bài nào</translation>
    </message>
    <message>
        <source>an article&apos;s lease events instead</source>
        <translation>thay vào đó, xem lịch sử giữ quyền sửa của một bài</translation>
    </message>
    <message>
        <source>take the article over from the person editing it (needs --reason)</source>
        <translation>giành quyền sửa bài từ người đang sửa (cần --reason)</translation>
    </message>
    <message>
        <source>why you take it over (recorded)</source>
        <translation>lý do giành quyền sửa (được ghi lại)</translation>
    </message>
    <message>
        <source>Nobody is editing an article now.</source>
        <translation>Không có ai đang sửa bài nào.</translation>
    </message>
    <message>
        <source>set up a newsroom&apos;s users and roles</source>
        <translation>thiết lập người dùng và vai trò của tòa soạn</translation>
    </message>
    <message>
        <source>make the PostgreSQL store a newsroom (roles, rules)</source>
        <translation>biến kho PostgreSQL thành tòa soạn (vai trò, quy tắc)</translation>
    </message>
    <message>
        <source>add a newsroom user (the password is read from stdin)</source>
        <translation>thêm người dùng tòa soạn (mật khẩu đọc từ stdin)</translation>
    </message>
    <message>
        <source>the login name</source>
        <translation>tên đăng nhập</translation>
    </message>
    <message>
        <source>the role</source>
        <translation>vai trò</translation>
    </message>
    <message>
        <source>change a newsroom user&apos;s role</source>
        <translation>đổi vai trò của một người dùng tòa soạn</translation>
    </message>
    <message>
        <source>list the newsroom&apos;s users and roles</source>
        <translation>liệt kê người dùng và vai trò của tòa soạn</translation>
    </message>
    <message>
        <source>show your login and role</source>
        <translation>cho biết tài khoản và vai trò của bạn</translation>
    </message>
    <message>
        <source>created the roles: {roles}</source>
        <translation>đã tạo các vai trò: {roles}</translation>
    </message>
    <message>
        <source>the newsroom is ready: rules on {tables} tables</source>
        <translation>tòa soạn đã sẵn sàng: quy tắc trên {tables} bảng</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Mật khẩu: </translation>
    </message>
    <message>
        <source>added {name} as {role}</source>
        <translation>đã thêm {name} làm {role}</translation>
    </message>
    <message>
        <source>{name} is now {role}</source>
        <translation>{name} giờ là {role}</translation>
    </message>
    <message>
        <source>a local store: no roles</source>
        <translation>kho trên máy: không có vai trò</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>chưa có vai trò</translation>
    </message>
    <message>
        <source>the newsroom desk: return, messages, sync</source>
        <translation>tòa soạn: trả bài, lời nhắn, đồng bộ</translation>
    </message>
    <message>
        <source>send a submitted article back to its reporter</source>
        <translation>trả một bài đã gửi về lại cho phóng viên</translation>
    </message>
    <message>
        <source>why it goes back (the reporter sees it)</source>
        <translation>lý do trả bài (phóng viên sẽ thấy)</translation>
    </message>
    <message>
        <source>an article&apos;s notes and returns</source>
        <translation>các lời nhắn và lần trả bài của một bài</translation>
    </message>
    <message>
        <source>bring in the desk&apos;s returns of the articles sent from here</source>
        <translation>nhận các bài tòa soạn trả lại trong số bài đã gửi từ máy này</translation>
    </message>
    <message>
        <source>Returned to the reporter: {title}</source>
        <translation>Đã trả lại phóng viên: {title}</translation>
    </message>
    <message>
        <source>Returned by the desk: {title} — {comment}</source>
        <translation>Tòa soạn trả lại: {title} — {comment}</translation>
    </message>
    <message>
        <source>Nothing new from the desk</source>
        <translation>Tòa soạn chưa có gì mới</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>Note</source>
        <translation>Lời nhắn</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <source>qk3editor: there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); start it from a desktop session, or use the commands (qk3editor --help)</source>
        <translation>qk3editor: không có màn hình để mở cửa sổ (chưa đặt DISPLAY hay WAYLAND_DISPLAY); hãy chạy trong một phiên màn hình nền, hoặc dùng các lệnh (qk3editor --help)</translation>
    </message>
    <message>
        <source>qk3editor: the window cannot open: the system libraries {libraries} are missing; install them with: sudo apt-get install {packages}</source>
        <translation>qk3editor: không mở được cửa sổ vì thiếu thư viện hệ thống {libraries}; cài bằng lệnh: sudo apt-get install {packages}</translation>
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
        <source>The id {prefix} is ambiguous; type more of it. It could be: {candidates}</source>
        <translation>Mã {prefix} chưa rõ là bài nào; hãy gõ dài hơn. Có thể là: {candidates}</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>Không có tệp {path}</translation>
    </message>
    <message>
        <source>There is no store at {path}: check the path, or add --create to make a new store there</source>
        <translation>Không có kho dữ liệu tại {path}: hãy kiểm tra lại đường dẫn, hoặc thêm --create để tạo kho mới ở đó</translation>
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
    <message>
        <source>No publish target named {name}</source>
        <translation>Không có nơi đăng tên {name}</translation>
    </message>
    <message>
        <source>A publish target named {name} already exists</source>
        <translation>Đã có nơi đăng tên {name}</translation>
    </message>
    <message>
        <source>No publish job {id}</source>
        <translation>Không có việc đăng bài {id}</translation>
    </message>
    <message>
        <source>Unknown portal profile setting: {detail} (use lead=content|excerpt|both, featured=image|figure|image+figure)</source>
        <translation>Không hiểu thiết lập cách hiển thị: {detail} (dùng lead=content|excerpt|both, featured=image|figure|image+figure)</translation>
    </message>
    <message>
        <source>Publishing failed: {detail}</source>
        <translation>Đăng bài không thành công: {detail}</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the password safely; it was not saved</source>
        <translation>Không có kho khóa của hệ thống để giữ mật khẩu an toàn; mật khẩu chưa được lưu</translation>
    </message>
    <message>
        <source>No password is stored for the target {target}; set it again</source>
        <translation>Chưa lưu mật khẩu cho nơi đăng {target}; hãy nhập lại</translation>
    </message>
    <message>
        <source>The target address is not usable: {detail}</source>
        <translation>Không dùng được địa chỉ nơi đăng: {detail}</translation>
    </message>
    <message>
        <source>No answer from {host}: {detail}</source>
        <translation>{host} không trả lời: {detail}</translation>
    </message>
    <message>
        <source>{host} did not finish answering within {seconds} seconds; the job will be tried again</source>
        <translation>{host} không trả lời xong trong {seconds} giây; việc đăng sẽ được thử lại</translation>
    </message>
    <message>
        <source>{host} redirected to {other}, another address; the password was not sent there. Use the final address as the target&apos;s URL</source>
        <translation>{host} chuyển hướng sang {other}, một địa chỉ khác; mật khẩu không được gửi tới đó. Hãy dùng địa chỉ cuối cùng làm địa chỉ của nơi đăng</translation>
    </message>
    <message>
        <source>{host} redirected from https to plain http ({other}); nothing was sent there</source>
        <translation>{host} chuyển hướng từ https sang http không mã hóa ({other}); không có gì được gửi tới đó</translation>
    </message>
    <message>
        <source>The site {host} names its WordPress API at another address ({other}); the password was not sent there. If that address is right, confirm it with “qk3editor target test {target} --trust-api-root {root}”</source>
        <translation>Trang {host} chỉ tới API WordPress ở một địa chỉ khác ({other}); mật khẩu không được gửi tới đó. Nếu địa chỉ này đúng, hãy xác nhận bằng lệnh “qk3editor target test {target} --trust-api-root {root}”</translation>
    </message>
    <message>
        <source>The TLS certificate of {host} could not be verified; nothing was sent</source>
        <translation>Không xác minh được chứng chỉ TLS của {host}; chưa gửi gì</translation>
    </message>
    <message>
        <source>{host} answered {status} ({remote_code})</source>
        <translation>{host} trả lời {status} ({remote_code})</translation>
    </message>
    <message>
        <source>{host} did not accept the user name or password ({status})</source>
        <translation>{host} không chấp nhận tên người dùng hoặc mật khẩu ({status})</translation>
    </message>
    <message>
        <source>The answer from {host} is larger than {limit} bytes</source>
        <translation>Câu trả lời của {host} lớn hơn {limit} byte</translation>
    </message>
    <message>
        <source>{host} gave an answer qk3editor cannot read: {detail}</source>
        <translation>{host} trả lời theo cách qk3editor không đọc được: {detail}</translation>
    </message>
    <message>
        <source>The {kind} “{slug}” does not exist on the site and this user may not create it</source>
        <translation>{kind} “{slug}” chưa có trên trang và người dùng này không được tạo</translation>
    </message>
    <message>
        <source>The published article was deleted on the server ({target}); a person decides</source>
        <translation>Bài đã đăng bị xóa trên máy chủ ({target}); cần người quyết định</translation>
    </message>
    <message>
        <source>The article was edited on the server after the last publish; nothing was overwritten</source>
        <translation>Bài đã được sửa trên máy chủ sau lần đăng trước; không có gì bị ghi đè</translation>
    </message>
    <message>
        <source>Job {id} is {state}; it cannot be changed now</source>
        <translation>Việc {id} đang ở trạng thái {state}; không thể thay đổi lúc này</translation>
    </message>
    <message>
        <source>The web rendition of photo {photo} failed: {detail}</source>
        <translation>Không tạo được ảnh web cho ảnh {photo}: {detail}</translation>
    </message>
    <message>
        <source>Photo {number} ({photo}) cannot be found: {path}. Nothing was published.</source>
        <translation>Không tìm thấy ảnh {number} ({photo}): {path}. Chưa có gì được đăng.</translation>
    </message>
    <message>
        <source>Photo {number} ({photo}) cannot be read ({detail}): {path}. Nothing was published.</source>
        <translation>Không đọc được ảnh {number} ({photo}) ({detail}): {path}. Chưa có gì được đăng.</translation>
    </message>
    <message>
        <source>Interrupted (Ctrl+C) during step {step}; a retry sends it exactly once</source>
        <translation>Đã ngắt (Ctrl+C) ở bước {step}; gửi lại sẽ chỉ đăng đúng một lần</translation>
    </message>
    <message>
        <source>The article is already public on {target}: a preview draft would take it down. Open the published page, or publish the changes.</source>
        <translation>Bài viết đã công khai trên {target}: gửi bản nháp để xem trước sẽ gỡ bài xuống. Hãy mở trang đã đăng, hoặc đăng các thay đổi.</translation>
    </message>
    <message>
        <source>Wrong passphrase for the encrypted password file {path}</source>
        <translation>Sai cụm mật khẩu của tệp mật khẩu đã mã hóa {path}</translation>
    </message>
    <message>
        <source>No system keyring, and no terminal to ask for the passphrase of the encrypted password file: give the password with --password-stdin</source>
        <translation>Không có kho khóa của hệ thống, cũng không có cửa sổ dòng lệnh để hỏi cụm mật khẩu của tệp mật khẩu đã mã hóa: hãy đưa mật khẩu bằng --password-stdin</translation>
    </message>
    <message>
        <source>The login to {name} did not work, so the target was not saved: {reason}</source>
        <translation>Không đăng nhập được vào {name} nên nơi đăng chưa được lưu: {reason}</translation>
    </message>
    <message>
        <source>An unexpected error stopped the job; the details are in the log</source>
        <translation>Một lỗi không lường trước đã làm dừng lệnh đăng; chi tiết có trong nhật ký</translation>
    </message>
    <message>
        <source>{path}: not a caption template ({detail})</source>
        <translation>{path}: không phải tệp mẫu chú thích ({detail})</translation>
    </message>
    <message>
        <source>{path}: the photo cannot be used ({detail})</source>
        <translation>{path}: không dùng được ảnh này ({detail})</translation>
    </message>
    <message>
        <source>{path}: the file does not exist</source>
        <translation>{path}: tệp không tồn tại</translation>
    </message>
    <message>
        <source>{path}: the file cannot be read ({detail})</source>
        <translation>{path}: không đọc được tệp ({detail})</translation>
    </message>
    <message>
        <source>{path}: not an image, or a format we do not read</source>
        <translation>{path}: không phải ảnh, hoặc định dạng không đọc được</translation>
    </message>
    <message>
        <source>{path}: the image is damaged or truncated ({detail})</source>
        <translation>{path}: ảnh bị hỏng hoặc bị cắt cụt ({detail})</translation>
    </message>
    <message>
        <source>{path}: too many pixels ({pixels} px; the limit is {limit} px)</source>
        <translation>{path}: quá nhiều điểm ảnh ({pixels} px; giới hạn là {limit} px)</translation>
    </message>
    <message>
        <source>{path}: the file or its folder is read-only; nothing was changed</source>
        <translation>{path}: tệp hoặc thư mục chỉ cho phép đọc; không có gì bị thay đổi</translation>
    </message>
    <message>
        <source>{path}: the disk is full; nothing was changed</source>
        <translation>{path}: ổ đĩa đã đầy; không có gì bị thay đổi</translation>
    </message>
    <message>
        <source>{path}: the metadata could not be written ({detail}); the file is unchanged</source>
        <translation>{path}: không ghi được siêu dữ liệu ({detail}); tệp vẫn nguyên như cũ</translation>
    </message>
    <message>
        <source>{path}: the web copy still holds location data ({fields}); publishing is blocked</source>
        <translation>{path}: bản sao cho web vẫn còn dữ liệu vị trí ({fields}); chặn xuất bản</translation>
    </message>
    <message>
        <source>{path}: the file holds {count} different XMP packets, and programs disagree on which one to read; the caption was not written (the file is unchanged)</source>
        <translation>{path}: tệp chứa {count} gói XMP khác nhau và các chương trình không thống nhất sẽ đọc gói nào; chú thích chưa được ghi (tệp không bị thay đổi)</translation>
    </message>
    <message>
        <source>No photo with id {id}</source>
        <translation>Không có ảnh mang số {id}</translation>
    </message>
    <message>
        <source>{path}, line {line}: {detail}</source>
        <translation>{path}, dòng {line}: {detail}</translation>
    </message>
    <message>
        <source>Unknown variable {{{name}}} in the caption template</source>
        <translation>Biến {{{name}}} không có trong mẫu chú thích</translation>
    </message>
    <message>
        <source>“{value}” is not a date (use dd/mm/yyyy or yyyy-mm-dd, with a time if known)</source>
        <translation>“{value}” không phải ngày tháng (dùng dd/mm/yyyy hoặc yyyy-mm-dd, kèm giờ nếu biết)</translation>
    </message>
    <message>
        <source>{path}: its XMP metadata was written badly by another tool ({detail}); nothing was changed</source>
        <translation>{path}: siêu dữ liệu XMP của tệp bị một công cụ khác ghi hỏng ({detail}); không có gì bị thay đổi</translation>
    </message>
    <message>
        <source>{path}: captions cannot be written safely into HEIC files; the file is unchanged and the caption is kept in qk3editor (it goes into the web copies)</source>
        <translation>{path}: không thể ghi chú thích an toàn vào tệp HEIC; tệp được giữ nguyên, chú thích được lưu trong qk3editor (và được đưa vào bản ảnh đăng web)</translation>
    </message>
    <message>
        <source>{path} looks like the old {encoding} font encoding, nothing was imported: add --convert-legacy to convert it to Unicode, or --keep-legacy to import it as it is</source>
        <translation>{path} có vẻ được gõ bằng bảng mã cũ {encoding}, chưa nhập gì: thêm --convert-legacy để chuyển sang Unicode, hoặc --keep-legacy để nhập nguyên văn</translation>
    </message>
    <message>
        <source>The disk is full: {path}</source>
        <translation>Ổ đĩa đã đầy: {path}</translation>
    </message>
    <message>
        <source>The disk is read-only: {path}</source>
        <translation>Ổ đĩa chỉ cho phép đọc: {path}</translation>
    </message>
    <message>
        <source>No permission to use this file: {path}</source>
        <translation>Không có quyền dùng tệp này: {path}</translation>
    </message>
    <message>
        <source>The file does not exist: {path}</source>
        <translation>Tệp không tồn tại: {path}</translation>
    </message>
    <message>
        <source>A file could not be read or written: {detail}</source>
        <translation>Không đọc hoặc ghi được tệp: {detail}</translation>
    </message>
    <message>
        <source>The store is busy (another program is writing to it); try again in a moment</source>
        <translation>Kho dữ liệu đang bận (một chương trình khác đang ghi vào); hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>The site did not answer in time: {url}</source>
        <translation>Trang web không trả lời kịp: {url}</translation>
    </message>
    <message>
        <source>Cannot connect to the site: {url}</source>
        <translation>Không kết nối được với trang web: {url}</translation>
    </message>
    <message>
        <source>A network error stopped the work: {detail}</source>
        <translation>Lỗi mạng làm gián đoạn công việc: {detail}</translation>
    </message>
    <message>
        <source>The newsroom server refused this: your role does not allow it. Ask an editor or the newsroom administrator</source>
        <translation>Máy chủ tòa soạn từ chối việc này: vai trò của bạn không được phép làm. Hãy nhờ biên tập viên hoặc quản trị viên tòa soạn</translation>
    </message>
    <message>
        <source>The store is read-only ({reason}): it can be read but nothing can be saved</source>
        <translation>Kho dữ liệu chỉ đọc được ({reason}): có thể xem nhưng không lưu được gì</translation>
    </message>
    <message>
        <source>The disk holding the store is full: nothing was saved. Free some space and try again</source>
        <translation>Ổ đĩa chứa kho dữ liệu đã đầy: chưa lưu được gì. Hãy giải phóng bớt dung lượng rồi thử lại</translation>
    </message>
    <message>
        <source>The store {path} is damaged ({detail}); it was not changed. Restore the last backup ({backup}) with: qk3editor store restore-backup</source>
        <translation>Kho dữ liệu {path} bị hỏng ({detail}); tệp không bị thay đổi. Hãy khôi phục bản sao lưu gần nhất ({backup}) bằng lệnh: qk3editor store restore-backup</translation>
    </message>
    <message>
        <source>The store {path} is an empty file (0 bytes), not a new store; it was not changed. Restore the last backup ({backup}) with: qk3editor store restore-backup</source>
        <translation>Kho dữ liệu {path} là một tệp rỗng (0 byte), không phải kho mới; tệp không bị thay đổi. Hãy khôi phục bản sao lưu gần nhất ({backup}) bằng lệnh: qk3editor store restore-backup</translation>
    </message>
    <message>
        <source>The store is busy with another program&apos;s work; try again in a moment</source>
        <translation>Kho dữ liệu đang bận với việc của một chương trình khác; hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>The store {path} is damaged ({detail}); it was not changed. There is no backup in {backups}</source>
        <translation>Kho dữ liệu {path} bị hỏng ({detail}); tệp không bị thay đổi. Không có bản sao lưu nào trong {backups}</translation>
    </message>
    <message>
        <source>The store {path} is an empty file (0 bytes), not a new store; it was not changed. There is no backup in {backups}</source>
        <translation>Kho dữ liệu {path} là một tệp rỗng (0 byte), không phải kho mới; tệp không bị thay đổi. Không có bản sao lưu nào trong {backups}</translation>
    </message>
    <message>
        <source>The backup {path} is damaged too ({detail}); nothing was changed</source>
        <translation>Bản sao lưu {path} cũng bị hỏng ({detail}); không có gì bị thay đổi</translation>
    </message>
    <message>
        <source>There is no backup in {backups}</source>
        <translation>Không có bản sao lưu nào trong {backups}</translation>
    </message>
    <message>
        <source>There is no backup named {name} in {backups}</source>
        <translation>Không có bản sao lưu nào tên {name} trong {backups}</translation>
    </message>
    <message>
        <source>The store is damaged ({detail}). Close the app and restore the last backup with: qk3editor store restore-backup</source>
        <translation>Kho dữ liệu bị hỏng ({detail}). Hãy đóng ứng dụng và khôi phục bản sao lưu gần nhất bằng lệnh: qk3editor store restore-backup</translation>
    </message>
    <message>
        <source>{path} is too large ({size}; the limit is {limit})</source>
        <translation>Tệp {path} quá lớn ({size}; giới hạn là {limit})</translation>
    </message>
    <message>
        <source>The article is too long ({size} characters; the limit is {limit} characters)</source>
        <translation>Bài viết quá dài ({size} ký tự; giới hạn là {limit} ký tự)</translation>
    </message>
    <message>
        <source>{path}: the front matter is too large ({size}; the limit is {limit})</source>
        <translation>{path}: phần đầu (front matter) quá lớn ({size}; giới hạn là {limit})</translation>
    </message>
    <message>
        <source>{path}: the YAML uses anchors or aliases (&amp; or *, line {line}), which are not accepted</source>
        <translation>{path}: YAML dùng neo hoặc bí danh (&amp; hoặc *, dòng {line}), điều này không được chấp nhận</translation>
    </message>
    <message>
        <source>{path}: the Word document unpacks to {size}, more than the limit of {limit}: nothing was imported</source>
        <translation>{path}: tài liệu Word khi giải nén chiếm {size}, vượt giới hạn {limit}: chưa nhập gì</translation>
    </message>
    <message>
        <source>{path}: the Word document has {size} parts, more than the limit of {limit}: nothing was imported</source>
        <translation>{path}: tài liệu Word có {size} thành phần, vượt giới hạn {limit}: chưa nhập gì</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (a folder, device or pipe) and cannot be read</source>
        <translation>{path} không phải tệp thông thường (mà là thư mục, thiết bị hoặc ống dẫn) nên không đọc được</translation>
    </message>
    <message>
        <source>mapping expected</source>
        <translation>cần dạng danh sách khóa: giá trị</translation>
    </message>
    <message>
        <source>not UTF-8</source>
        <translation>không phải văn bản UTF-8</translation>
    </message>
    <message>
        <source>no tab between code and text</source>
        <translation>thiếu dấu tab giữa mã và nội dung</translation>
    </message>
    <message>
        <source>the file changed while being written</source>
        <translation>tệp bị thay đổi trong lúc đang ghi</translation>
    </message>
    <message>
        <source>short read</source>
        <translation>đọc thiếu dữ liệu</translation>
    </message>
    <message>
        <source>worker processes cannot start</source>
        <translation>không khởi động được các tiến trình xử lý</translation>
    </message>
    <message>
        <source>decoder crashed</source>
        <translation>bộ giải mã ảnh bị lỗi</translation>
    </message>
    <message>
        <source>unexpected JPEG structure</source>
        <translation>cấu trúc JPEG bất thường</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>không phải JSON</translation>
    </message>
    <message>
        <source>bad redirect</source>
        <translation>chuyển hướng không hợp lệ</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>chuyển hướng quá nhiều lần</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>quá thời gian chờ kết nối</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>quá thời gian chờ</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>không kết nối được</translation>
    </message>
    <message>
        <source>connection broken</source>
        <translation>kết nối bị ngắt</translation>
    </message>
    <message>
        <source>transport error</source>
        <translation>lỗi đường truyền</translation>
    </message>
    <message>
        <source>a scheduled publish needs a time (--at)</source>
        <translation>hẹn giờ đăng thì cần thời điểm (--at)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>The desk holds this article already and it has changed since; it can be sent again when the desk returns it</source>
        <translation>Tòa soạn đang giữ bài này và bài đã thay đổi từ lần gửi trước; có thể gửi lại khi tòa soạn trả bài</translation>
    </message>
    <message>
        <source>{host} is not a newsroom store yet (run “qk3editor --store URL newsroom init” there)</source>
        <translation>{host} chưa phải là kho của tòa soạn (hãy chạy “qk3editor --store URL newsroom init” ở đó)</translation>
    </message>
    <message>
        <source>The newsroom refused: your login may not do this ({detail})</source>
        <translation>Tòa soạn từ chối: tài khoản của bạn không được làm việc này ({detail})</translation>
    </message>
    <message>
        <source>{host} did not accept the user name or password of the newsroom</source>
        <translation>{host} không chấp nhận tên người dùng hoặc mật khẩu tòa soạn</translation>
    </message>
    <message>
        <source>not a URL</source>
        <translation>không phải địa chỉ web</translation>
    </message>
    <message>
        <source>use postgresql+psycopg://USER@HOST:PORT/DB</source>
        <translation>hãy dùng dạng postgresql+psycopg://NGƯỜI_DÙNG@MÁY:CỔNG/CSDL</translation>
    </message>
    <message>
        <source>no password inside the URL (it goes in the keyring)</source>
        <translation>không ghi mật khẩu trong địa chỉ (mật khẩu được cất trong kho khóa)</translation>
    </message>
    <message>
        <source>the user in the URL differs from --user</source>
        <translation>người dùng trong địa chỉ khác với --user</translation>
    </message>
    <message>
        <source>use https://host/...</source>
        <translation>hãy dùng https://tên-máy/...</translation>
    </message>
    <message>
        <source>plain http is only allowed for this machine (127.0.0.1)</source>
        <translation>http thường chỉ được dùng cho chính máy này (127.0.0.1)</translation>
    </message>
    <message>
        <source>no user name or password inside the URL</source>
        <translation>không ghi tên người dùng hay mật khẩu trong địa chỉ</translation>
    </message>
    <message>
        <source>no query or fragment</source>
        <translation>địa chỉ không được có phần truy vấn (?) hay neo (#)</translation>
    </message>
    <message>
        <source>a name is needed</source>
        <translation>cần đặt tên</translation>
    </message>
    <message>
        <source>a user name is needed</source>
        <translation>cần tên người dùng</translation>
    </message>
    <message>
        <source>the API root must use https like the site</source>
        <translation>địa chỉ gốc của API phải dùng https như trang</translation>
    </message>
    <message>
        <source>no user name, password or fragment inside the URL</source>
        <translation>không ghi tên người dùng, mật khẩu hay phần neo (#) trong địa chỉ</translation>
    </message>
    <message>
        <source>bad API link</source>
        <translation>liên kết API không hợp lệ</translation>
    </message>
    <message>
        <source>no WordPress REST API found</source>
        <translation>không tìm thấy REST API của WordPress</translation>
    </message>
    <message>
        <source>a scheduled post needs a time</source>
        <translation>bài hẹn giờ cần có thời điểm</translation>
    </message>
    <message>
        <source>a date without a time zone</source>
        <translation>ngày giờ thiếu múi giờ</translation>
    </message>
    <message>
        <source>{name} is editing this article (on {host}, since {since}); open it read-only, or take it over giving a reason (--force --reason &quot;...&quot;)</source>
        <translation>{name} đang sửa bài này (trên máy {host}, từ {since}); hãy mở ở chế độ chỉ đọc, hoặc giành quyền sửa kèm lý do (--force --reason &quot;...&quot;)</translation>
    </message>
    <message>
        <source>Taking over an article needs a reason</source>
        <translation>Muốn giành quyền sửa bài phải ghi lý do</translation>
    </message>
    <message>
        <source>The reason is too long ({size} characters; at most {limit})</source>
        <translation>Lý do quá dài ({size} ký tự; tối đa {limit})</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>A newsroom is a PostgreSQL store: give --store postgresql+psycopg://USER@HOST/DB</source>
        <translation>Tòa soạn là một kho PostgreSQL: hãy đưa --store postgresql+psycopg://NGƯỜI_DÙNG@MÁY_CHỦ/CSDL</translation>
    </message>
    <message>
        <source>No password was given on stdin</source>
        <translation>Chưa có mật khẩu nào được đưa vào qua stdin</translation>
    </message>
    <message>
        <source>The password is too long (at most {limit} characters)</source>
        <translation>Mật khẩu quá dài (tối đa {limit} ký tự)</translation>
    </message>
    <message>
        <source>{name} cannot be a user name: use lower-case Latin letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos; (at most 63), not starting with a digit, &apos;pg_&apos; or &apos;qk3_&apos;</source>
        <translation>{name} không dùng được làm tên người dùng: hãy dùng chữ Latinh thường, chữ số, &apos;_&apos;, &apos;.&apos; hoặc &apos;-&apos; (tối đa 63 ký tự), không bắt đầu bằng chữ số, &apos;pg_&apos; hay &apos;qk3_&apos;</translation>
    </message>
    <message>
        <source>The user {name} exists already; change their role with: newsroom role</source>
        <translation>Người dùng {name} đã có; muốn đổi vai trò thì dùng: newsroom role</translation>
    </message>
    <message>
        <source>There is no newsroom user {name}</source>
        <translation>Tòa soạn không có người dùng {name}</translation>
    </message>
    <message>
        <source>This store is not a newsroom yet: its owner runs `qk3editor newsroom init` first</source>
        <translation>Kho này chưa phải là tòa soạn: chủ sở hữu kho cần chạy `qk3editor newsroom init` trước</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>The article is not waiting at the desk; only a submitted article can be returned</source>
        <translation>Bài không chờ ở tòa soạn; chỉ bài đã gửi mới trả lại được</translation>
    </message>
    <message>
        <source>The message is too long ({size} characters; at most {limit}): nothing was sent or saved. Shorten it, or put the details into the article</source>
        <translation>Lời nhắn quá dài ({size} ký tự; tối đa {limit}): không có gì được gửi hay lưu. Hãy viết ngắn lại, hoặc đưa chi tiết vào bài viết</translation>
    </message>
    <message>
        <source>Say why the article goes back to the reporter (a comment is needed)</source>
        <translation>Hãy ghi lý do trả bài cho phóng viên (cần có lời nhận xét)</translation>
    </message>
    <message>
        <source>The photo original {name} was not stored: its bytes do not match its SHA-256 or its size (the file changed, or was damaged on the way). Nothing was written; send it again</source>
        <translation>Ảnh gốc {name} không được lưu: dữ liệu của ảnh không khớp với mã SHA-256 hoặc kích thước của nó (tệp đã bị thay đổi, hoặc bị hỏng trên đường truyền). Chưa có gì được ghi; hãy gửi lại</translation>
    </message>
    <message>
        <source>The photo original {name} was not stored: piece {seq} as the store holds it differs from the one sent. Nothing was written; send it again</source>
        <translation>Ảnh gốc {name} không được lưu: mảnh {seq} trong kho khác với mảnh đã gửi. Chưa có gì được ghi; hãy gửi lại</translation>
    </message>
    <message>
        <source>The photo original {name} kept in the store is damaged or incomplete; it was not written out</source>
        <translation>Ảnh gốc {name} lưu trong kho bị hỏng hoặc không đầy đủ; ảnh chưa được ghi ra</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>no caption</source>
        <translation>chưa có chú thích</translation>
    </message>
    <message>
        <source>no credit</source>
        <translation>chưa ghi nguồn ảnh</translation>
    </message>
    <message>
        <source>location present</source>
        <translation>có vị trí chụp</translation>
    </message>
    <message>
        <source>location kept by choice</source>
        <translation>giữ vị trí theo lựa chọn</translation>
    </message>
    <message>
        <source>not yet written to the file</source>
        <translation>chưa ghi vào tệp</translation>
    </message>
    <message>
        <source>caption only in the store (HEIC)</source>
        <translation>chú thích chỉ lưu trong kho (HEIC)</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <source>IIM {field}: {needed} bytes do not fit in {limit}; cut to “{kept}”</source>
        <translation>IIM {field}: {needed} byte không vừa giới hạn {limit}; đã cắt còn “{kept}”</translation>
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
    <message>
        <source>The article has no body</source>
        <translation>Bài viết chưa có nội dung</translation>
    </message>
    <message>
        <source>The article has no category</source>
        <translation>Bài viết chưa có chuyên mục</translation>
    </message>
    <message>
        <source>Photo {number} ({photo}) has no caption</source>
        <translation>Ảnh {number} ({photo}) chưa có chú thích</translation>
    </message>
    <message>
        <source>Photo {number} ({photo}) has no credit</source>
        <translation>Ảnh {number} ({photo}) chưa ghi tác giả</translation>
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
        <source>Published</source>
        <translation>Đã đăng</translation>
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
    <name>roles</name>
    <message>
        <source>reporter</source>
        <translation>phóng viên</translation>
    </message>
    <message>
        <source>photo editor</source>
        <translation>biên tập ảnh</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>biên tập viên</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <source>As a {role}, you may change only your own articles while they are drafts</source>
        <translation>Là {role}, bạn chỉ được sửa bài của chính mình khi bài còn là bản nháp</translation>
    </message>
    <message>
        <source>This article has been submitted to the desk; only an editor may change it now</source>
        <translation>Bài này đã được gửi về tòa soạn; giờ chỉ biên tập viên mới được sửa</translation>
    </message>
    <message>
        <source>Only an editor may do this (your role: {role})</source>
        <translation>Chỉ biên tập viên mới được làm việc này (vai trò của bạn: {role})</translation>
    </message>
    <message>
        <source>Only the newsroom administrator may manage users (your role: {role})</source>
        <translation>Chỉ quản trị viên tòa soạn mới được quản lý người dùng (vai trò của bạn: {role})</translation>
    </message>
    <message>
        <source>Your login {login} has no newsroom role; ask the administrator to give you one</source>
        <translation>Tài khoản {login} chưa có vai trò trong tòa soạn; hãy nhờ quản trị viên cấp vai trò cho bạn</translation>
    </message>
    <message>
        <source>As a {role}, you may caption only your own photos; a photo editor may caption any</source>
        <translation>Là {role}, bạn chỉ được viết chú thích cho ảnh của chính mình; biên tập ảnh được chú thích mọi ảnh</translation>
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
    <name>store</name>
    <message>
        <source>the disk {folder} is mounted read-only</source>
        <translation>ổ đĩa {folder} được gắn ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written</source>
        <translation>không ghi được vào thư mục {folder}</translation>
    </message>
    <message>
        <source>the file {path} cannot be written</source>
        <translation>không ghi được vào tệp {path}</translation>
    </message>
</context>
<context>
    <name>version</name>
    <message>
        <source>not available</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Bản dựng</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Hệ điều hành</translation>
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
