# ruff: noqa: E501 - sentences are data
"""A generated Vietnamese news corpus for the benchmarks (self-written, GPL-3.0-or-later).

Sentences were written by the qk3editor developers in the style of the QK3 portal, in the
house tone style (old: hòa, thủy, ủy); slots are filled from lists of names, units and places
so that terms have a realistic spread (a few words in every article, names in a few).
Deterministic for a given seed.
"""

from __future__ import annotations

import random

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Tạ Lương Phan Cao".split()
MIDDLES = "Văn Thị Đức Thanh Minh Hữu Quang Ngọc Xuân Công Đình Thế Mạnh Việt Hồng".split()
GIVEN = (
    "Hải Hùng Chức Dũng Tuấn Hòa Thủy Lan Hương Bình Cường Khánh Long Nam Phong Quân Sơn Thắng "
    "Trung Vinh Tùng Toàn Thịnh Nghĩa Đạt Hiếu Hiệp Kiên Lâm Lợi Mạnh Ninh Quyết Tâm Thái Thành "
    "Thao Thuận Tiến Trọng Tú Tường Uy Vân Yến Giang Hạnh Duyên Nhung Oanh Phúc Quỳnh Sáng"
).split()
RANKS = "Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy".split("|")
TITLES = (
    "Tư lệnh Quân khu|Chính ủy Quân khu|Phó Chính ủy Quân khu|Phó Tư lệnh Quân khu|"
    "Tham mưu trưởng Quân khu|Chủ nhiệm Chính trị Quân khu|Chỉ huy trưởng Bộ CHQS tỉnh|"
    "Chính ủy Bộ CHQS tỉnh|Chủ nhiệm Hậu cần Quân khu|Cục trưởng Cục Chính trị"
).split("|")
PLACES = (
    "Hải Phòng|Quảng Ninh|Hải Dương|Hưng Yên|Thái Bình|Nam Định|Ninh Bình|Hà Nam|Đồ Sơn|"
    "Cát Hải|Vĩnh Bảo|Tiên Lãng|Kiến Thụy|Thủy Nguyên|Uông Bí|Cẩm Phả|Móng Cái|Hạ Long|"
    "Vân Đồn|Cô Tô|Kinh Môn|Chí Linh|Ninh Giang|Thanh Hà|Tam Điệp|Kim Sơn|Nho Quan|Yên Mô|"
    "Giao Thủy|Hải Hậu|Nghĩa Hưng|Tiền Hải|Kiến Xương|Quỳnh Phụ|Đông Hưng|Phù Cừ|Kim Động"
).split("|")
UNITS = (
    "Sư đoàn 395|Lữ đoàn 242|Lữ đoàn 170|Trung đoàn 50|Trung đoàn 43|Bộ CHQS tỉnh Quảng Ninh|"
    "Bộ CHQS tỉnh Hải Dương|Bộ CHQS tỉnh Thái Bình|Bộ Tư lệnh thành phố Hải Phòng|"
    "Trường Quân sự Quân khu|Bệnh viện Quân y 7|Kho K3|Tiểu đoàn Huấn luyện - Cơ động|"
    "Ban CHQS huyện|Đại đội Trinh sát|Đồn Biên phòng Móng Cái"
).split("|")
TOPICS = (
    "công tác dân vận|huấn luyện sẵn sàng chiến đấu|xây dựng Đảng|công tác chính trị|"
    "bảo đảm hậu cần|bảo đảm kỹ thuật|phòng, chống thiên tai|tìm kiếm cứu nạn|"
    "xây dựng nông thôn mới|giáo dục quốc phòng và an ninh|tuyển quân|diễn tập khu vực phòng thủ|"
    "phòng, chống dịch bệnh|cải cách hành chính quân sự|thi đua quyết thắng|"
    "đền ơn đáp nghĩa|xóa đói, giảm nghèo|bảo vệ chủ quyền biển, đảo"
).split("|")

SENTENCES = (
    "Sáng {d}/{m}, tại {place}, {unit} tổ chức hội nghị tổng kết {topic} năm {y}.",
    "Dự hội nghị có đồng chí {rank} {name}, {title}.",
    "{rank} {name} đánh giá cao kết quả {topic} của các cơ quan, đơn vị trong thời gian qua.",
    "Năm {y}, các đơn vị đã hoàn thành tốt nhiệm vụ được giao, không để xảy ra vụ việc nghiêm trọng.",
    "Công tác {topic} được triển khai đồng bộ, đúng kế hoạch và bảo đảm an toàn tuyệt đối.",
    "Trong đó, lực lượng vũ trang tỉnh đã tham gia giúp nhân dân hơn {n} ngày công lao động.",
    "Các đơn vị phối hợp chặt chẽ với cấp ủy, chính quyền địa phương tuyên truyền, vận động nhân dân.",
    "Cán bộ, chiến sĩ luôn giữ vững bản chất cách mạng, phẩm chất Bộ đội Cụ Hồ.",
    "Đảng ủy {unit} đã lãnh đạo thực hiện thắng lợi nghị quyết đề ra.",
    "Hội nghị cũng chỉ ra một số hạn chế, khuyết điểm cần khắc phục trong năm tới.",
    "Phát biểu chỉ đạo, đồng chí {title} yêu cầu các đơn vị tiếp tục nâng cao chất lượng {topic}.",
    "Các cơ quan cần chủ động tham mưu, đề xuất giải pháp phù hợp với tình hình thực tế.",
    "Thời gian tới, {unit} tập trung xây dựng đơn vị vững mạnh toàn diện, mẫu mực, tiêu biểu.",
    "Nhân dịp này, {n} tập thể và cá nhân có thành tích xuất sắc được khen thưởng.",
    "Trước đó, đoàn công tác đã kiểm tra thực tế tại {place} và làm việc với lãnh đạo địa phương.",
    "Bộ đội giúp dân thu hoạch lúa, sửa chữa nhà ở, làm đường giao thông nông thôn.",
    "Hơn {n} lượt cán bộ, chiến sĩ và dân quân tự vệ tham gia ứng cứu khi bão đổ bộ vào {place}.",
    "Đơn vị đã tổ chức khám bệnh, cấp phát thuốc miễn phí cho {n} lượt người dân.",
    "Hoạt động này góp phần thắt chặt mối quan hệ đoàn kết quân dân.",
    "Chương trình phối hợp giai đoạn {y} - {y2} đã đạt nhiều kết quả quan trọng.",
    "Đồng chí {name}, Bí thư Huyện ủy {place}, cảm ơn sự giúp đỡ của bộ đội.",
    "Huấn luyện bám sát phương châm cơ bản, thiết thực, vững chắc, chú trọng đồng bộ.",
    "Tỉ lệ bắn đạn thật đạt yêu cầu trở lên là {p}%, trong đó khá, giỏi đạt {q}%.",
    "Diễn tập được tổ chức công phu, an toàn, sát với tình huống có thể xảy ra trên địa bàn.",
    "Lực lượng dân quân tự vệ được củng cố, kiện toàn theo Luật Dân quân tự vệ.",
    "Công tác tuyển quân bảo đảm đúng luật, công khai, dân chủ, đủ chỉ tiêu.",
    "Cán bộ, chiến sĩ thực hiện nghiêm điều lệnh, kỷ luật, giữ gìn hình ảnh người quân nhân.",
    "Đời sống vật chất, tinh thần của bộ đội không ngừng được nâng lên.",
    "Nhiều mô hình hay, cách làm sáng tạo được nhân rộng trong toàn lực lượng.",
    "Các bếp ăn tập thể bảo đảm vệ sinh, an toàn thực phẩm, tăng gia sản xuất đạt hiệu quả.",
    "Đoàn đã đến thăm, tặng quà gia đình chính sách và các Mẹ Việt Nam anh hùng.",
    "Dịp này, đơn vị trao {n} suất quà cho học sinh nghèo vượt khó tại {place}.",
    "Phong trào thi đua yêu nước được phát động sâu rộng, thu hút đông đảo cán bộ, chiến sĩ.",
    "Tiếp thu ý kiến chỉ đạo, {rank} {name} khẳng định đơn vị sẽ khắc phục hạn chế.",
    "Lãnh đạo tỉnh ghi nhận những đóng góp to lớn của lực lượng vũ trang địa phương.",
    "Kết thúc đợt huấn luyện, {p}% quân số đạt yêu cầu, không có mất an toàn.",
    "Các đại biểu tập trung thảo luận, làm rõ nguyên nhân và rút ra bài học kinh nghiệm.",
    "Công tác bảo đảm kỹ thuật được duy trì nền nếp, vũ khí, trang bị luôn sẵn sàng.",
    "Hệ thống kho tàng được đầu tư xây dựng theo hướng chính quy, hiện đại.",
    "Ban Dân vận Tỉnh ủy {place} phối hợp tổ chức nhiều hoạt động ý nghĩa.",
    "Thủy triều dâng cao, lực lượng trực ban sẵn sàng phương án sơ tán dân đến nơi an toàn.",
    "Mô hình Dân vận khéo ở {place} được nhân dân đồng tình, hưởng ứng.",
    "Tin, ảnh: {name}.",
    "Công tác hòa giải ở cơ sở được quan tâm, góp phần giữ vững ổn định chính trị.",
    "Kết quả đó khẳng định sự lãnh đạo đúng đắn của cấp ủy các cấp.",
    "Đồng chí {name} được tặng Bằng khen của Bộ Quốc phòng.",
    "Đơn vị thường xuyên chăm lo sức khỏe cho bộ đội và nhân dân trên địa bàn đóng quân.",
    "Quân khu đã chỉ đạo các đơn vị rà soát, bổ sung kế hoạch phòng, chống lụt, bão.",
    "Hội thao là dịp để các đơn vị trao đổi kinh nghiệm, học tập lẫn nhau.",
    "Nhiều sáng kiến cải tiến kỹ thuật được ứng dụng hiệu quả vào thực tiễn.",
)

RARE_WORDS = (
    "đường",
    "dương",
    "khinh khí cầu",
    "pháo phòng không",
    "ra-đa",
    "xuồng cao tốc",
    "trực thăng",
    "thủy lôi",
    "khí tài",
    "hầm hào",
)


class Corpus:
    def __init__(self, seed: int = 3) -> None:
        self.rng = random.Random(seed)

    def name(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVEN)}"

    def sentence(self) -> str:
        r = self.rng
        y = r.randint(2010, 2024)
        text = r.choice(SENTENCES).format(
            d=r.randint(1, 28),
            m=r.randint(1, 12),
            y=y,
            y2=y + 5,
            n=r.randint(2, 900),
            p=r.randint(90, 100),
            q=r.randint(50, 89),
            place=r.choice(PLACES),
            unit=r.choice(UNITS),
            topic=r.choice(TOPICS),
            rank=r.choice(RANKS),
            title=r.choice(TITLES),
            name=self.name(),
        )
        if r.random() < 0.02:
            text = text[:-1] + f", {r.choice(RARE_WORDS)}."
        return text

    def paragraph(self, words: int) -> str:
        out: list[str] = []
        count = 0
        while count < words:
            s = self.sentence()
            out.append(s)
            count += len(s.split())
        return " ".join(out)

    def article(self, min_words: int = 500, max_words: int = 1500) -> dict[str, object]:
        r = self.rng
        total = r.randint(min_words, max_words)
        paragraphs = []
        count = 0
        while count < total:
            p = self.paragraph(r.randint(60, 160))
            paragraphs.append(p)
            count += len(p.split())
        topic = r.choice(TOPICS)
        title = f"{r.choice(UNITS)}: nâng cao chất lượng {topic}"
        lead = f"QK3 online - {self.sentence()}"
        return {
            "title": title,
            "lead": lead,
            "body": "\n\n".join(paragraphs),
            "byline": self.name(),
            "tags": [topic],
        }

    def text(self, words: int) -> str:
        """Clean running text of about ``words`` words, in paragraphs."""
        paragraphs = []
        count = 0
        while count < words:
            p = self.paragraph(self.rng.randint(60, 160))
            paragraphs.append(p)
            count += len(p.split())
        return "\n\n".join(paragraphs)
