-- Reference data from db/seed/*.csv, written by scripts/reference-data-sql.ts. Ids are stable: append, never renumber.
INSERT INTO districts (code, name, division) VALUES (118, 'Agra', 'Agra');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (119, 'Aligarh', 'Aligarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (121, 'Ambedkar Nagar', 'Ayodhya');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (640, 'Amethi', 'Ayodhya');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (154, 'Amroha', 'Moradabad');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (122, 'Auraiya', 'Kanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (140, 'Ayodhya', 'Ayodhya');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (123, 'Azamgarh', 'Azamgarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (124, 'Baghpat', 'Meerut');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (125, 'Bahraich', 'Devipatan');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (126, 'Ballia', 'Azamgarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (127, 'Balrampur', 'Devipatan');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (128, 'Banda', 'Chitrakoot');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (129, 'Barabanki', 'Ayodhya');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (130, 'Bareilly', 'Bareilly');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (131, 'Basti', 'Basti');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (179, 'Bhadohi', 'Mirzapur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (132, 'Bijnor', 'Moradabad');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (133, 'Budaun', 'Bareilly');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (134, 'Bulandshahr', 'Meerut');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (135, 'Chandauli', 'Varanasi');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (136, 'Chitrakoot', 'Chitrakoot');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (137, 'Deoria', 'Gorakhpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (138, 'Etah', 'Aligarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (139, 'Etawah', 'Kanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (141, 'Farrukhabad', 'Kanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (142, 'Fatehpur', 'Prayagraj');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (143, 'Firozabad', 'Agra');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (144, 'Gautam Buddha Nagar', 'Meerut');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (145, 'Ghaziabad', 'Meerut');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (146, 'Ghazipur', 'Varanasi');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (147, 'Gonda', 'Devipatan');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (148, 'Gorakhpur', 'Gorakhpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (149, 'Hamirpur', 'Chitrakoot');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (661, 'Hapur', 'Meerut');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (150, 'Hardoi', 'Lucknow');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (163, 'Hathras', 'Aligarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (151, 'Jalaun', 'Jhansi');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (152, 'Jaunpur', 'Varanasi');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (153, 'Jhansi', 'Jhansi');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (155, 'Kannauj', 'Kanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (156, 'Kanpur Dehat', 'Kanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (157, 'Kanpur Nagar', 'Kanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (633, 'Kasganj', 'Aligarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (158, 'Kaushambi', 'Prayagraj');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (160, 'Kushinagar', 'Gorakhpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (159, 'Lakhimpur Kheri', 'Lucknow');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (161, 'Lalitpur', 'Jhansi');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (162, 'Lucknow', 'Lucknow');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (164, 'Maharajganj', 'Gorakhpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (165, 'Mahoba', 'Chitrakoot');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (166, 'Mainpuri', 'Agra');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (167, 'Mathura', 'Agra');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (168, 'Mau', 'Azamgarh');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (169, 'Meerut', 'Meerut');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (170, 'Mirzapur', 'Mirzapur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (171, 'Moradabad', 'Moradabad');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (172, 'Muzaffarnagar', 'Saharanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (173, 'Pilibhit', 'Bareilly');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (174, 'Pratapgarh', 'Prayagraj');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (120, 'Prayagraj', 'Prayagraj');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (175, 'Rae Bareli', 'Lucknow');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (176, 'Rampur', 'Moradabad');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (177, 'Saharanpur', 'Saharanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (659, 'Sambhal', 'Moradabad');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (178, 'Sant Kabir Nagar', 'Basti');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (180, 'Shahjahanpur', 'Bareilly');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (660, 'Shamli', 'Saharanpur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (181, 'Shravasti', 'Devipatan');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (182, 'Siddharthnagar', 'Basti');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (183, 'Sitapur', 'Lucknow');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (184, 'Sonbhadra', 'Mirzapur');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (185, 'Sultanpur', 'Ayodhya');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (186, 'Unnao', 'Lucknow');
--> statement-breakpoint
INSERT INTO districts (code, name, division) VALUES (187, 'Varanasi', 'Varanasi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (1, 118, 'Leather Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (2, 118, 'Marble Inlay and Stone Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (3, 118, 'Petha');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (4, 119, 'Locks and Hardware');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (5, 121, 'Textile Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (6, 640, 'Moonj Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (7, 154, 'Musical Instruments (Dholak)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (8, 154, 'Readymade Garments');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (9, 154, 'Metal and Wooden Handicrafts');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (10, 122, 'Food Processing (Desi Ghee)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (11, 140, 'Jaggery (Gur)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (12, 123, 'Black Pottery');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (13, 123, 'Silk Sarees (Mubarakpur)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (14, 124, 'Home Furnishing');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (15, 124, 'Agricultural Implements and Accessories');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (16, 125, 'Wheat-stalk Handicraft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (17, 126, 'Bindi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (18, 126, 'Sattu Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (19, 127, 'Food Processing (Pulses)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (20, 128, 'Shajar Stone Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (21, 129, 'Handloom Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (22, 130, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (23, 130, 'Bamboo Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (24, 130, 'Wooden Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (25, 131, 'Wood Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (26, 179, 'Carpet (Dari)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (27, 132, 'Wood Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (28, 132, 'Rushes and Related Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (29, 133, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (30, 134, 'Ceramic Products (Khurja)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (31, 135, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (32, 136, 'Wooden Toys');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (33, 137, 'Decorative Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (34, 138, 'Ghungroo, Bells and Brass Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (35, 138, 'Chicory Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (36, 139, 'Textile Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (37, 141, 'Textile Printing');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (38, 141, 'Zari Work');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (39, 142, 'Bedsheets');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (40, 142, 'Iron Fabrication Works');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (41, 143, 'Glassware');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (42, 143, 'Food Processing');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (43, 144, 'Readymade Garments');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (44, 145, 'Engineering Goods');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (45, 145, 'Metal Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (46, 145, 'Textile and Apparel');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (47, 146, 'Jute Wall Hanging');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (48, 147, 'Food Processing (Pulses)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (49, 148, 'Terracotta');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (50, 148, 'Readymade Garments');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (51, 149, 'Shoes (Juti)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (52, 149, 'Metal Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (53, 661, 'Home Furnishing');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (54, 150, 'Handloom');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (55, 163, 'Hing (Asafoetida)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (56, 151, 'Handmade Paper');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (57, 152, 'Woollen Durries (Dari)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (58, 153, 'Soft Toys');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (59, 155, 'Perfume (Itra)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (60, 155, 'Incense Sticks');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (61, 156, 'Aluminium Utensils');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (62, 157, 'Leather Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (63, 633, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (64, 158, 'Food Processing (Banana)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (65, 160, 'Banana Fibre Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (66, 159, 'Tribal Craft (Tharu)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (67, 161, 'Zari Silk Sarees');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (68, 161, 'Food Items');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (69, 161, 'School Dresses');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (70, 162, 'Chikankari');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (71, 162, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (72, 164, 'Furniture');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (73, 165, 'Gaura Stone Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (74, 166, 'Tarkashi Art');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (75, 167, 'Sanitary Fittings');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (76, 167, 'Thakurji Poshak (deity dresses)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (77, 168, 'Powerloom Textile');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (78, 169, 'Sports Goods');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (79, 170, 'Carpet (Dari)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (80, 170, 'Brassware (Pital Bartan)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (81, 171, 'Metal Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (82, 172, 'Jaggery (Gur)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (83, 173, 'Flute (Bansuri)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (84, 174, 'Amla Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (85, 174, 'Food Processing');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (86, 120, 'Moonj Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (87, 175, 'Wood Work');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (88, 176, 'Applique Work and Patchwork');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (89, 176, 'Mentha');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (90, 177, 'Wood Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (91, 177, 'Hosiery Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (92, 659, 'Horn and Bone Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (93, 178, 'Brassware');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (94, 180, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (95, 660, 'Iron Rims and Axles (Iron Work)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (96, 181, 'Tribal Craft');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (97, 182, 'Kala Namak Rice');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (98, 183, 'Durries (Dari)');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (99, 184, 'Carpet');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (100, 185, 'Moonj Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (101, 186, 'Zari Zardozi');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (102, 186, 'Leather Products');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (103, 187, 'Banarasi Silk Saree');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (104, 187, 'Gulabi Meenakari');
--> statement-breakpoint
INSERT INTO products (id, district_code, name) VALUES (105, 187, 'Wooden Toys');
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (1, 'Allahabad Surkha Guava', 'Agricultural', '50');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (1, 120);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (1, 158);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (2, 'Banaras Brocades and Sarees', 'Handloom', '99');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (2, 187);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (2, 170);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (2, 135);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (2, 179);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (2, 152);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (2, 123);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (3, 'Lucknow Chikan Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (3, 162);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (4, 'Malihabadi Dusseheri Mango', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (4, 162);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (5, 'Handmade Carpet of Bhadohi', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 179);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 170);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 184);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 187);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 135);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 146);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 152);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 120);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (5, 158);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (6, 'Firozabad Glass', 'Handicraft', '155');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (6, 143);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (7, 'Kannauj Perfume', 'Manufactured', '157');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (7, 155);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (8, 'Kanpur Saddlery', 'Handicraft', '159');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (8, 157);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (9, 'Moradabad Metal Craft', 'Handicraft', '161');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (9, 171);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (10, 'Saharanpur Wood Craft', 'Handicraft', '184');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (10, 177);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (11, 'Lucknow Zardozi', 'Handicraft', '236');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (11, 162);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (12, 'Banaras Metal Repousse Craft', 'Handicraft', '398');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (12, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (13, 'Banaras Gulabi Meenakari Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (13, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (14, 'Varanasi Wooden Lacquerware and Toys', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (14, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (15, 'Mirzapur Handmade Dari', 'Handloom', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (15, 170);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (16, 'Nizamabad Black Clay Pottery', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (16, 123);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (17, 'Varanasi Glass Beads', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (17, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (18, 'Kalanamak Rice', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 182);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 131);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 178);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 148);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 164);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 160);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 137);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 147);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 125);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 127);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (18, 181);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (19, 'Agra Durrie', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (19, 118);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (20, 'Farrukhabad Prints', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (20, 141);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (21, 'Meerut Scissors', 'Manufactured', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (21, 169);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (22, 'Khurja Pottery', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (22, 134);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (23, 'Gorakhpur Terracotta', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (23, 148);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (24, 'Chunar Glaze Pottery', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (24, 170);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (25, 'Chunar Balua Patthar', 'Handicraft', '557');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (25, 170);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (26, 'Ghazipur Wall Hanging', 'Handicraft', '555');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (26, 146);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (27, 'Varanasi Soft Stone Jali Work', 'Handicraft', '556');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (27, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (28, 'Banaras Zardozi', 'Handicraft', '620');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (28, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (29, 'Mirzapur Pital Bartan', 'Handicraft', '622');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (29, 170);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (30, 'Banaras Wood Carving', 'Handicraft', '623');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (30, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (31, 'Banaras Hand Block Print', 'Handicraft', '624');
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (31, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (32, 'Banarasi Paan', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (32, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (33, 'Banaras Langda Aam', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (33, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (34, 'Ramnagar Bhanta', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (34, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (35, 'Adamchini Chawal', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (35, 135);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (36, 'Aligarh Tala', 'Manufactured', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (36, 119);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (37, 'Bakhira Brassware', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (37, 178);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (38, 'Banda Shajar Patthar Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (38, 128);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (39, 'Nagina Wood Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (39, 132);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (40, 'Pratapgarh Aonla', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (40, 174);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (41, 'Hathras Hing', 'Food', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (41, 163);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (42, 'Amroha Dholak', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (42, 154);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (43, 'Mahoba Gaura Patthar Hastshilp', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (43, 165);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (44, 'Mainpuri Tarkashi', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (44, 166);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (45, 'Sambhal Horn Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (45, 659);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (46, 'Baghpat Home Furnishings', 'Handloom', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (46, 124);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (47, 'Barabanki Handloom Product', 'Handloom', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (47, 129);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (48, 'Kalpi Handmade Paper', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (48, 151);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (49, 'Jalesar Dhatu Shilp', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (49, 138);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (50, 'Banaras Thandai', 'Food', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (50, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (51, 'Banaras Tabla', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (51, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (52, 'Banaras Shehnai', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (52, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (53, 'Banaras Lal Bharwamirch', 'Food', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (53, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (54, 'Chiraigaon Karonda', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (54, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (55, 'Banaras Lal Peda', 'Food', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (55, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (56, 'Banaras Mural Painting', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (56, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (57, 'Jaunpur Imarti', 'Food', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (57, 152);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (58, 'Mathura Sanjhi Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (58, 167);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (59, 'Bundelkhand Kathiya Gehu', 'Agricultural', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 153);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 161);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 151);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 149);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 165);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 128);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (59, 136);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (60, 'Pilibhit Bansuri', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (60, 173);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (61, 'Sambhal Bone Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (61, 659);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (62, 'Chitrakoot Wooden Craft and Toys', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (62, 136);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (63, 'Moonj Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (63, 120);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (64, 'Rampur Patchwork', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (64, 176);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (65, 'Banaras Tirangi Barfi', 'Food', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (65, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (66, 'Banaras Metal Casting Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (66, 187);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (67, 'Lakhimpur Kheri Tharu Embroidery', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (67, 159);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (68, 'Bareilly Furniture', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (68, 130);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (69, 'Bareilly Zardozi Craft', 'Handicraft', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (69, 130);
--> statement-breakpoint
INSERT INTO gi_tags (id, name, category, application_number) VALUES (70, 'Pilkhuwa Home Furnishing', 'Handloom', NULL);
--> statement-breakpoint
INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (70, 661);
